import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateOrganization } from './generate/organization.ts';
import { appendActivity } from './generate/activity.ts';
import { createRandom, deriveSeed } from './generate/random.ts';
import type { Scale } from './generate/model.ts';
import { createRequestHandler } from './server.ts';
import type { SimulatorRequest } from './server.ts';

export type { SimulatorRequest } from './server.ts';

export interface SimulatorOptions {
  seed?: number;
  scale?: Scale;
  /** End of the generated history; default: the current time truncated to the UTC day. */
  now?: Date;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Default page size of reporting revisions (the service's default is 200). */
  pageSize?: number;
}

export interface RunningSimulator {
  organizationUrl: string;
  organization: string;
  project: string;
  team: string;
  pat: string;
  requestLog: readonly SimulatorRequest[];
  /** Appends revisions (new items and state changes) after the latest one, like a living organization. */
  addActivity(options: { revisions: number }): void;
  close(): Promise<void>;
}

const DAY = 86_400_000;

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts an Azure DevOps Services stand-in for one organization, project and team. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date(Math.floor(Date.now() / DAY) * DAY);
  const model = generateOrganization({ seed, scale: options.scale ?? 'demo', now });
  const activityRandom = createRandom(deriveSeed(seed, 'activity'));
  const requestLog: SimulatorRequest[] = [];
  let organizationUrl = '';
  const server = createServer(
    createRequestHandler({
      model,
      pageSize: options.pageSize ?? 200,
      log: requestLog,
      organizationUrl: () => organizationUrl,
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  organizationUrl = `http://${urlHost(host)}:${port}/${model.organizationName}`;
  return {
    organizationUrl,
    organization: model.organizationName,
    project: model.project.name,
    team: model.team.name,
    pat: model.pat,
    requestLog,
    addActivity: ({ revisions }) => {
      if (!Number.isInteger(revisions) || revisions < 1)
        throw new RangeError('addActivity needs a positive whole number of revisions');
      appendActivity(model, activityRandom, revisions);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
