import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdoConnection } from '../ado/clients.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { createPreviewRouter } from '../preview/createPreviewRouter.ts';
import { createFlowService } from '../services/flowService.ts';
import { organizationNameFromUrl, staticOrganizationDirectory } from '../services/organizationDirectory.ts';
import { startSimulator } from '../simulator/index.ts';
import { openRepository } from '../storage/openRepository.ts';
import { syncOrganization, type SyncReport } from '../sync/syncOrganization.ts';
import { createApp } from './createApp.ts';
import { createDemoTokenMinter, randomSecret } from './demoAppToken.ts';
import { boundPort, listen } from './listen.ts';

export interface DemoOptions {
  port?: number;
  host?: string;
  dataDirectory: string;
  seed?: number;
  now?: Date;
  timeZone?: string;
  logger?: Logger;
  /** Where the built hubs are; defaults to dist/extension at the repository root. */
  extensionDistDirectory?: string;
}

export interface RunningDemo {
  /** The preview host page. */
  url: string;
  apiUrl: string;
  organizationUrl: string;
  sync: SyncReport;
  close(): Promise<void>;
}

const REPOSITORY_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

/**
 * The newcomer's path: a simulated organization, one sync of it, the API and the hub preview on one port.
 * The demo database is rebuilt on every start because the simulated organization is generated afresh.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const logger = options.logger ?? silentLogger;
  const simulator = await startSimulator({
    seed: options.seed ?? 7,
    scale: 'demo',
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const databasePath = resolve(options.dataDirectory, 'demo.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
  const repository = await openRepository({ kind: 'sqlite', path: databasePath });
  const organization = organizationNameFromUrl(simulator.organizationUrl);
  const sync = await syncOrganization({
    repository,
    createConnection: createAdoConnection,
    logger,
    target: { organization, organizationUrl: simulator.organizationUrl, personalAccessToken: simulator.pat },
  });
  const secret = randomSecret();
  const user = {
    id: 'b7a1c2d3-0000-4000-8000-00000000d3m0',
    name: 'demo@seika.example',
    displayName: 'Demo User',
  };
  const app = createApp({
    flowService: createFlowService({
      repository,
      organizations: staticOrganizationDirectory([
        { name: organization, url: simulator.organizationUrl, timeZone: options.timeZone ?? 'Asia/Tokyo' },
      ]),
    }),
    extensionSecret: secret,
    logger,
    previewRouter: createPreviewRouter({
      extensionDistDirectory: options.extensionDistDirectory ?? resolve(REPOSITORY_ROOT, 'dist/extension'),
      context: {
        organization,
        organizationUrl: simulator.organizationUrl,
        project: { id: simulator.project, name: simulator.project },
        team: { id: simulator.team, name: simulator.team },
        user,
        theme: 'light',
      },
      mintAppToken: createDemoTokenMinter(secret, user),
    }),
  });
  const server = await listen(app, options.port ?? 0, options.host ?? '127.0.0.1');
  const port = boundPort(server);
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`;
  return {
    url,
    apiUrl: `${url}api/v1`,
    organizationUrl: simulator.organizationUrl,
    sync,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await simulator.close();
      await repository.close();
    },
  };
}
