import { z } from 'zod';
import { readWatermark } from '../../normalise/delivery/watermarks.ts';
import type { StreamContext } from '../../stream.ts';
import { syncSettings } from '../../syncSettings.ts';

/** The builds stream's watermark key (kept here to avoid an import cycle with builds.ts). */
const BUILDS_WATERMARK = 'build.builds';

const gateSchema = z.object({
  /** The builds watermark this stream last read against (null: no builds watermark then). */
  builds: z.string().nullable(),
  checkedAt: z.iso.datetime({ offset: true }),
  /** The last read left something unfinished (a deployment record without a result). */
  open: z.boolean().default(false),
});

/**
 * Environment deployment records and the commits of deployed branches change only through pipeline
 * runs: a new run moves the builds watermark (its queue time), and a run that progresses changes the
 * builds stream's record of the runs still pending. While that watermark stays as it was at this
 * stream's last complete read, nothing was left open, and the reconciliation interval has not passed,
 * a run of this stream asks nothing. A run that names the stream (a service hook, an operator) reads.
 */
export async function buildsGate(
  context: StreamContext,
  stream: string,
): Promise<{ unchanged: boolean; passed: (open: boolean) => Promise<void> }> {
  const { organization, repository } = context;
  const key = `${stream}#builds-gate`;
  const builds = (await repository.getWatermark(organization, BUILDS_WATERMARK)) ?? null;
  const previous = readWatermark(key, gateSchema, await repository.getWatermark(organization, key));
  const now = (context.now ?? Date.now)();
  const intervalMs = syncSettings(context.settings).metadataRefreshMinutes * 60_000;
  const age = previous === undefined ? Number.POSITIVE_INFINITY : now - Date.parse(previous.checkedAt);
  const unchanged =
    context.namedStream !== true &&
    previous !== undefined &&
    builds !== null &&
    previous.builds === builds &&
    !previous.open &&
    age >= 0 &&
    age < intervalMs;
  return {
    unchanged,
    passed: (open) =>
      repository.setWatermark(
        organization,
        key,
        JSON.stringify({ builds, checkedAt: new Date(now).toISOString(), open }),
      ),
  };
}
