import { applyEnvironmentRecordsBody } from '../../normalise/delivery/pages.ts';
import { isDeploymentFinal, environmentsResponseSchema } from '../../normalise/delivery/environments.ts';
import { parsePage } from '../../normalise/delivery/parse.ts';
import {
  environmentsWatermarkSchema,
  nextEnvironmentFloor,
  reachedFloor,
  readWatermark,
} from '../../normalise/delivery/watermarks.ts';
import type { StreamContext, StreamResult, SyncStream } from '../../stream.ts';
import { headerPages, projectSegment, requireDelivery, storePage } from './shared.ts';
import { listProjects } from '../projects.ts';
import { BUILDS_STREAM } from './builds.ts';
import { buildsGate } from './buildsGate.ts';

export const ENVIRONMENTS_STREAM = 'distributedtask.environmentDeployments';

/** `top` (no `$`) when the sync sets no page size; the service's default is 25. */
const DEFAULT_TOP = 100;

/**
 * YAML environment deployment records of every environment of every project (all are stored; the
 * delivery engine picks production by the project's rule). The records come newest first and have no
 * time filter, so each environment keeps its own floor: the next run reads down to the oldest record
 * that had no result yet (it is read again until it has one), or else to the newest record seen. Records
 * come only from pipeline runs, so while the builds watermark stands still the stream asks nothing
 * (`buildsGate`).
 */
export async function collectEnvironmentDeployments(context: StreamContext): Promise<StreamResult> {
  const { organization, connection, repository, progress } = context;
  const delivery = requireDelivery(context, ENVIRONMENTS_STREAM);
  const top = context.maxPageSize ?? DEFAULT_TOP;
  const previous =
    readWatermark(
      ENVIRONMENTS_STREAM,
      environmentsWatermarkSchema,
      await repository.getWatermark(organization, ENVIRONMENTS_STREAM),
    ) ?? {};
  const next = { ...previous };
  const gate = await buildsGate(context, ENVIRONMENTS_STREAM);
  // No pipeline run started or progressed since every record was read with its result: nothing new.
  if (gate.unchanged) return { pages: 0, items: 0 };
  let open = false;
  let pages = 0;
  let items = 0;
  for (const project of await listProjects(connection)) {
    const base = `${projectSegment(project.name)}/_apis/distributedtask/environments`;
    for await (const list of headerPages(connection, base, { $top: 100, 'api-version': '7.1' })) {
      for (const environment of parsePage(
        'distributedtask.environments',
        environmentsResponseSchema,
        list.body,
      ).value) {
        const key = `${project.id}/${environment.id}`;
        const floor = previous[key];
        const seen: { id: number; final: boolean }[] = [];
        const recordsPath = `${base}/${environment.id}/environmentdeploymentrecords`;
        for await (const page of headerPages(connection, recordsPath, { top, 'api-version': '7.1' })) {
          const { deployments, ids } = await storePage(
            delivery,
            organization,
            'distributedtask.environmentDeploymentRecords',
            page,
            { project: project.name, environment: { id: environment.id, name: environment.name } },
            page.body,
            applyEnvironmentRecordsBody,
          );
          deployments.forEach((deployment, index) =>
            seen.push({ id: ids[index] ?? 0, final: isDeploymentFinal(deployment) }),
          );
          pages += 1;
          items += deployments.length;
          await progress.page(deployments.length);
          if (reachedFloor(floor, ids)) break;
        }
        next[key] = nextEnvironmentFloor(floor, seen);
        open ||= seen.some((record) => !record.final);
      }
    }
  }
  await repository.setWatermark(organization, ENVIRONMENTS_STREAM, JSON.stringify(next));
  await gate.passed(open);
  return { pages, items };
}

export const environmentDeploymentsStream: SyncStream = {
  name: ENVIRONMENTS_STREAM,
  access: { scopes: ['vso.environment_manage'], feature: 'delivery' },
  needsDelivery: true,
  // Reads the builds watermark to know whether any run could have added a record.
  after: [BUILDS_STREAM],
  run: collectEnvironmentDeployments,
};
