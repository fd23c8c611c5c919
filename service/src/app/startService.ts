import type { Server } from 'node:http';
import type { Router } from 'express';
import { createHooksRouter } from '../api/hooks/router.ts';
import type { AdoConnectionFactory } from '../ado/clients.ts';
import type { Logger } from '../logger.ts';
import type { SecretBox } from '../security/secretBox.ts';
import { createDeliveryService } from '../services/delivery/service.ts';
import { createDeliverySettingsService } from '../services/delivery/settingsService.ts';
import { storedProductionRule } from '../services/delivery/storedProductionRule.ts';
import { createFlowService } from '../services/flow/service.ts';
import { storedOrganizationDirectory } from '../services/organizationDirectory.ts';
import { createOrganizationService, type OrganizationService } from '../services/organizations/service.ts';
import { createTeamSettingsService } from '../services/teamSettings/service.ts';
import { openStorage, type Storage, type StorageTarget } from './openRepository.ts';
import type { SyncReport } from '../sync/syncOrganization.ts';
import { SyncWorker } from '../sync/syncWorker.ts';
import { createApp } from './createApp.ts';
import { boundPort, listen } from './listen.ts';

export interface ServiceOptions {
  storage: StorageTarget;
  secrets: SecretBox;
  extensionSecret: string;
  createConnection: AdoConnectionFactory;
  logger: Logger;
  port: number;
  host: string;
  defaultTimeZone: string;
  syncIntervalMs: number;
  /** Base URL Azure DevOps can reach for service hooks; defaults to the listening address. */
  publicUrl?: string | undefined;
  runWorker: boolean;
  hubFilesDirectory?: string;
  previewRouter?: Router;
  maxPageSize?: number | undefined;
  leaseMs?: number;
  pollMs?: number;
  onReport?: (report: SyncReport) => void;
}

export interface RunningService {
  url: string;
  storage: Storage;
  organizations: OrganizationService;
  worker: SyncWorker | undefined;
  server: Server;
  close(): Promise<void>;
}

/** Wires storage, the sync worker, the API, hooks and (optionally) the preview into one process. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const storage = await openStorage(options.storage);
  const organizationStore = storage.organizations(options.secrets);
  const worker = options.runWorker
    ? new SyncWorker({
        repository: storage.repository,
        delivery: storage.delivery,
        productionRule: storedProductionRule(storage.deliverySettings),
        jobs: storage.jobs,
        organizations: organizationStore,
        statusStore: storage.streamStatus,
        createConnection: options.createConnection,
        logger: options.logger,
        intervalMs: options.syncIntervalMs,
        ...(options.maxPageSize === undefined ? {} : { maxPageSize: options.maxPageSize }),
        ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
        ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
        ...(options.onReport === undefined ? {} : { onReport: options.onReport }),
      })
    : undefined;
  let publicUrl = options.publicUrl;
  const organizations = createOrganizationService({
    organizations: organizationStore,
    jobs: storage.jobs,
    streamStatus: storage.streamStatus,
    createConnection: options.createConnection,
    logger: options.logger,
    defaultTimeZone: options.defaultTimeZone,
    // Read when subscribing: the listening address is known only after listen().
    get publicUrl() {
      return publicUrl;
    },
  });
  const directory = storedOrganizationDirectory(organizationStore);
  const app = createApp({
    flowService: createFlowService({
      repository: storage.repository,
      organizations: directory,
      teamSettings: storage.teamSettings,
    }),
    teamSettingsService: createTeamSettingsService({
      repository: storage.repository,
      organizations: directory,
      store: storage.teamSettings,
    }),
    deliveryService: createDeliveryService({
      repository: storage.repository,
      delivery: storage.delivery,
      organizations: directory,
      settings: storage.deliverySettings,
    }),
    deliverySettingsService: createDeliverySettingsService({
      repository: storage.repository,
      delivery: storage.delivery,
      organizations: directory,
      store: storage.deliverySettings,
    }),
    organizationService: organizations,
    hooksRouter: createHooksRouter({
      organizations: organizationStore,
      jobs: storage.jobs,
      logger: options.logger,
      onRequested: () => worker?.poke(),
    }),
    extensionSecret: options.extensionSecret,
    logger: options.logger,
    ...(options.hubFilesDirectory === undefined ? {} : { hubFilesDirectory: options.hubFilesDirectory }),
    ...(options.previewRouter === undefined ? {} : { previewRouter: options.previewRouter }),
  });
  const server = await listen(app, options.port, options.host);
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${boundPort(server)}`;
  publicUrl ??= url;
  worker?.start();
  return {
    url,
    storage,
    organizations,
    worker,
    server,
    async close() {
      await worker?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}
