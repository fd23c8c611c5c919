import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdoConnection } from '../ado/clients.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { createPreviewRouter } from '../preview/createPreviewRouter.ts';
import { createSecretBox } from '../security/secretBox.ts';
import { startSimulator } from '../simulator/index.ts';
import type { SyncReport } from '../sync/syncOrganization.ts';
import { createDemoTokenMinter, randomSecret, seatDemoUser } from './demoAppToken.ts';
import { createPersonaRouter, OTHER_ORGANIZATION, seatPersonas } from './demoPersonas.ts';
import express from 'express';
import { startService, type RunningService } from './startService.ts';

export interface DemoOptions {
  port?: number;
  host?: string;
  dataDirectory: string;
  seed?: number;
  now?: Date;
  timeZone?: string;
  logger?: Logger;
  /** Where the built extension is; defaults to dist/extension at the repository root. */
  extensionDistDirectory?: string;
  /** How often the worker re-syncs the living demo organization. */
  syncIntervalMs?: number;
  /** The simulated organization keeps changing in real time (npm start); tests keep it frozen. */
  living?: boolean;
}

export interface RunningDemo {
  /** The preview host page. */
  url: string;
  apiUrl: string;
  organizationUrl: string;
  sync: SyncReport;
  service: RunningService;
  close(): Promise<void>;
}

const REPOSITORY_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const FIRST_SYNC_TIMEOUT_MS = 120_000;

/**
 * The newcomer's path: a simulated organization connected through the same admin path as a real one,
 * synced by the worker, with the API and the hub preview on one port. The demo database is rebuilt on
 * every start because the simulated organization is generated afresh.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const logger = options.logger ?? silentLogger;
  const simulator = await startSimulator({
    seed: options.seed ?? 7,
    scale: 'demo',
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.living === true ? { clock: { mode: 'realtime' as const, speed: 1 } } : {}),
    // A second organization, so the preview can play a user of another organization.
    organizations: [{ name: OTHER_ORGANIZATION, scale: 'tiny' }],
  });
  const databasePath = resolve(options.dataDirectory, 'demo.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
  const extensionSecret = randomSecret();
  const user = {
    id: 'b7a1c2d3-0000-4000-8000-00000000d3e0',
    name: 'demo@seika.example',
    displayName: 'Demo User',
  };
  seatDemoUser(simulator, user);
  const personas = seatPersonas(simulator, user);
  const extensionDistDirectory = options.extensionDistDirectory ?? resolve(REPOSITORY_ROOT, 'dist/extension');
  let firstReport: ((report: SyncReport) => void) | undefined;
  const firstSync = new Promise<SyncReport>((resolvePromise) => (firstReport = resolvePromise));
  const service = await startService({
    storage: { kind: 'sqlite', path: databasePath },
    secrets: createSecretBox(randomBytes(32)),
    extensionSecret,
    createConnection: createAdoConnection,
    logger,
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    defaultTimeZone: options.timeZone ?? 'Asia/Tokyo',
    syncIntervalMs: options.syncIntervalMs ?? 60_000,
    runWorker: true,
    hubFilesDirectory: resolve(extensionDistDirectory, 'hubs'),
    previewRouter: express
      .Router()
      .use(createPersonaRouter(personas, extensionSecret))
      .use(
        createPreviewRouter({
          extensionDistDirectory,
          context: {
            organization: simulator.organization,
            organizationUrl: simulator.organizationUrl,
            project: { id: simulator.project, name: simulator.project },
            team: { id: simulator.team, name: simulator.team },
            user,
            theme: 'light',
          },
          mintAppToken: createDemoTokenMinter(extensionSecret, user),
        }),
      ),
    onReport: (report) => firstReport?.(report),
    // The simulator is the one host besides Azure DevOps' own the demo may connect.
    allowedOrganizationOrigins: [simulator.origin],
    // The simulated organization dates its events by its own clock.
    hookClock: () => simulator.now().getTime(),
  });
  const close = async (): Promise<void> => {
    await service.close();
    await simulator.close();
  };
  try {
    const { organization } = await service.organizations.connectAsOperator({
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
      subscribeToEvents: true,
    });
    const sync = await waitForFirstSync(service, organization.name, firstSync);
    return {
      url: `${service.url}/`,
      apiUrl: `${service.url}/api/v1`,
      organizationUrl: simulator.organizationUrl,
      sync,
      service,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Resolves with the first report, or fails with the sync's own error instead of waiting forever. */
async function waitForFirstSync(
  service: RunningService,
  organization: string,
  firstSync: Promise<SyncReport>,
): Promise<SyncReport> {
  const deadline = Date.now() + FIRST_SYNC_TIMEOUT_MS;
  let settled: SyncReport | undefined;
  void firstSync.then((report) => (settled = report));
  while (settled === undefined) {
    const job = await service.storage.jobs.describe(organization);
    if (job?.lastError !== null && job?.lastError !== undefined)
      throw new Error(`The demo sync failed: ${job.lastError}`);
    if (Date.now() > deadline) throw new Error('The demo sync did not finish within two minutes');
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
  return settled;
}
