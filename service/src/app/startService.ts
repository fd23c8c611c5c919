import type { Server } from 'node:http';
import type { Router } from 'express';
import { createHooksRouter } from '../api/hooks/router.ts';
import { createSyncRouter } from '../api/sync/router.ts';
import { createSyncHealthReader } from '../sync/healthReader.ts';
import type { AdoConnectionFactory } from '../ado/clients.ts';
import type { Logger } from '../logger.ts';
import type { SecretBox } from '../security/secretBox.ts';
import { createDeliveryService } from '../services/delivery/service.ts';
import { startRecentViewRefresh } from '../services/delivery/recentViewRefresh.ts';
import { recentDeliveryViews } from '../services/delivery/recentViews.ts';
import { createDeliverySettingsService } from '../services/delivery/settingsService.ts';
import { storedIncidentRule, storedProductionRule } from '../services/delivery/storedProductionRule.ts';
import { createFlowService } from '../services/flow/service.ts';
import { storedOrganizationDirectory } from '../services/organizationDirectory.ts';
import { createOrganizationService, type OrganizationService } from '../services/organizations/service.ts';
import { createTeamSettingsService } from '../services/teamSettings/service.ts';
import { createSprintOutlookService } from '../services/targets/outlookService.ts';
import { createSprintTargetsService } from '../services/targets/service.ts';
import { createUsageService } from '../services/usage/service.ts';
import { createTeamsService } from '../services/teams/service.ts';
import { createInsightsService } from '../services/insights/service.ts';
import { createAdoptionService } from '../services/usage/adoption.ts';
import { recordDailySnapshots } from '../services/targets/dailySnapshots.ts';
import { createSprintReviewService } from '../services/targets/reviewService.ts';
import { startDailyRounds } from './dailyRounds.ts';
import {
  createAccessService,
  type AccessService,
  type AccessTimings,
} from '../services/access/accessService.ts';
import type { AzureDevOpsAccessPort } from '../services/access/azureDevOps.ts';
import { createHttpAzureDevOps } from '../services/access/httpAzureDevOps.ts';
import { openStorage, type Storage, type StorageTarget } from './openRepository.ts';
import type { SyncReport } from '../sync/syncOrganization.ts';
import { SyncWorker } from '../sync/syncWorker.ts';
import type { SyncSettings } from '../sync/syncSettings.ts';
import { createApp } from './createApp.ts';
import { createCompanyHolidaysService } from '../services/calendar/companyHolidaysService.ts';
import { createWorkingCalendarService } from '../services/calendar/workingCalendarService.ts';
import { createDeliveryCalendarSource } from '../services/calendar/deliveryCalendar.ts';
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
  /**
   * Without `publicUrl`, subscribe hooks to the listening address (the demo and tests, whose simulator runs
   * beside the service). `serve` sets false: Azure DevOps cannot reach it, so no `SEIKA_PUBLIC_URL`, no hooks.
   */
  hooksToListeningAddress?: boolean;
  runWorker: boolean;
  hubFilesDirectory?: string;
  previewRouter?: Router;
  maxPageSize?: number | undefined;
  /** Metadata refresh and delivery horizon for the worker's runs (the environment's). */
  syncSettings?: Partial<SyncSettings>;
  leaseMs?: number;
  pollMs?: number;
  onReport?: (report: SyncReport) => void;
  /** Origins besides Azure DevOps' own hosts that organization URLs may use (the simulator); none by default. */
  allowedOrganizationOrigins?: readonly string[];
  /** Origins an insight digest may be posted to besides Slack's and Teams' (default: the organization origins). */
  allowedDigestOrigins?: readonly string[];
  /** How access control reaches Azure DevOps; defaults to HTTP. */
  azureDevOps?: AzureDevOpsAccessPort;
  accessTimings?: Partial<AccessTimings>;
  /** The clock service-hook deliveries are dated against (a simulator's when it plays the organization). */
  hookClock?: () => number;
  /** How long audit entries are kept (default a year). */
  auditRetentionMs?: number;
  /** How often recent Delivery views are answered again (default a minute; recentViewRefresh.ts). */
  recentViewRefreshMs?: number;
}

export interface RunningService {
  url: string;
  storage: Storage;
  organizations: OrganizationService;
  access: AccessService;
  worker: SyncWorker | undefined;
  server: Server;
  /** Runs the daily round now (snapshots, usage roll-up, insight digests); nothing without a worker. */
  runDailyRound(): Promise<void>;
  close(): Promise<void>;
}

/** Wires storage, the sync worker, the API, hooks and (optionally) the preview into one process. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const storage = await openStorage(options.storage);
  const organizationStore = storage.organizations(options.secrets);
  // Set once the services exist: what this instance does after each of its worker's runs.
  let afterSync: (report: SyncReport) => void = () => undefined;
  const worker = options.runWorker
    ? new SyncWorker({
        repository: storage.repository,
        delivery: storage.delivery,
        productionRule: storedProductionRule(storage.deliverySettings),
        incidentRule: storedIncidentRule(storage.deliverySettings),
        jobs: storage.jobs,
        organizations: organizationStore,
        statusStore: storage.streamStatus,
        createConnection: options.createConnection,
        logger: options.logger,
        intervalMs: options.syncIntervalMs,
        ...(options.maxPageSize === undefined ? {} : { maxPageSize: options.maxPageSize }),
        ...(options.syncSettings === undefined ? {} : { settings: options.syncSettings }),
        ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
        ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
        onReport: (report) => {
          options.onReport?.(report);
          afterSync(report);
        },
      })
    : undefined;
  let publicUrl = options.publicUrl;
  const azureDevOps = options.azureDevOps ?? createHttpAzureDevOps();
  const allowedOrganizationOrigins = options.allowedOrganizationOrigins ?? [];
  const organizations = createOrganizationService({
    azureDevOps,
    audit: storage.audit,
    allowedOrigins: allowedOrganizationOrigins,
    ...(options.auditRetentionMs === undefined ? {} : { auditRetentionMs: options.auditRetentionMs }),
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
  const access = createAccessService({
    directory,
    azureDevOps,
    ...(options.accessTimings === undefined ? {} : { timings: options.accessTimings }),
  });
  const calendars = createWorkingCalendarService({
    repository: storage.repository,
    companyHolidays: storage.companyHolidays,
  });
  const outlooks = createSprintOutlookService({
    repository: storage.repository,
    organizations: directory,
    targets: storage.sprintTargets,
    teamSettings: storage.teamSettings,
    calendars,
  });
  const usage = createUsageService({ store: storage.usage, organizations: directory });
  const deliveryAnswers = createDeliveryService({
    repository: storage.repository,
    delivery: storage.delivery,
    organizations: directory,
    settings: storage.deliverySettings,
    streamStatus: storage.streamStatus,
    calendar: createDeliveryCalendarSource({
      calendars,
      companyHolidays: storage.companyHolidays,
      teamSettings: storage.teamSettings,
    }),
  });
  // The hubs' views are remembered and answered again after each sync run; insights' are not.
  const deliveryViews = recentDeliveryViews(deliveryAnswers, {
    logger: options.logger,
    store: storage.recentDeliveryViews,
  });
  const deliveryService = deliveryViews.service;
  afterSync = (report) => {
    // In the background: the worker goes on with its queue.
    void deliveryViews.replay(report.organization);
  };
  const insights = createInsightsService({
    repository: storage.repository,
    organizations: directory,
    teamSettings: storage.teamSettings,
    targets: storage.sprintTargets,
    store: storage.insights,
    delivery: deliveryAnswers,
    secrets: options.secrets,
    // The demo's and tests' loopback receivers; `serve` allows Slack's and Teams' hosts only.
    digestAllowedOrigins: options.allowedDigestOrigins ?? allowedOrganizationOrigins,
  });
  const rounds = options.runWorker
    ? startDailyRounds({
        recordSnapshots: () =>
          recordDailySnapshots({
            repository: storage.repository,
            targets: storage.sprintTargets,
            outlooks,
            organizations: async () =>
              (await organizationStore.list()).map((organization) => ({
                name: organization.name,
                url: organization.url,
                timeZone: organization.timeZone,
                instanceId: organization.instanceId,
              })),
            logger: options.logger,
          }),
        usage,
        sendDigests: () => insights.sendWeeklyDigests(options.logger),
        logger: options.logger,
      })
    : undefined;
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
    deliveryService,
    deliverySettingsService: createDeliverySettingsService({
      repository: storage.repository,
      delivery: storage.delivery,
      organizations: directory,
      store: storage.deliverySettings,
      // Like a service hook: the streams are due at once, and this instance's worker looks now.
      recompute: async (organization, streams, at) => {
        await storage.jobs.request(organization, streams, at);
        worker?.poke();
      },
    }),
    sprintTargets: {
      targets: createSprintTargetsService({
        repository: storage.repository,
        organizations: directory,
        store: storage.sprintTargets,
        teamSettings: storage.teamSettings,
        companyHolidays: storage.companyHolidays,
        calendars,
      }),
      outlooks,
      reviews: createSprintReviewService({
        repository: storage.repository,
        organizations: directory,
        targets: storage.sprintTargets,
        outlooks,
      }),
    },
    usageService: usage,
    adoptionService: createAdoptionService({
      repository: storage.repository,
      organizations: directory,
      teamSettings: storage.teamSettings,
      deliverySettings: storage.deliverySettings,
      pullRequests: storage.delivery,
      insights: storage.insights,
      hookSubscriptions: (organization) => organizationStore.hookSubscriptions(organization),
    }),
    teamsService: createTeamsService({ repository: storage.repository, organizations: directory }),
    insightsService: insights,
    companyHolidaysService: createCompanyHolidaysService({
      store: storage.companyHolidays,
      organizations: directory,
    }),
    organizationService: organizations,
    hooksRouter: createHooksRouter({
      organizations: organizationStore,
      jobs: storage.jobs,
      logger: options.logger,
      onRequested: () => worker?.poke(),
      ...(options.hookClock === undefined ? {} : { now: options.hookClock }),
    }),
    syncRouter: createSyncRouter(
      createSyncHealthReader({
        repository: storage.repository,
        statusStore: storage.streamStatus,
        jobs: storage.jobs,
        intervalMs: options.syncIntervalMs,
      }),
    ),
    extensionSecret: options.extensionSecret,
    access,
    allowedOrganizationOrigins,
    auditLog: storage.audit,
    logger: options.logger,
    ...(options.hubFilesDirectory === undefined ? {} : { hubFilesDirectory: options.hubFilesDirectory }),
    ...(options.previewRouter === undefined ? {} : { previewRouter: options.previewRouter }),
  });
  const server = await listen(app, options.port, options.host);
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${boundPort(server)}`;
  if (options.hooksToListeningAddress !== false) publicUrl ??= url;
  worker?.start();
  const viewRefresh = startRecentViewRefresh(deliveryViews, {
    logger: options.logger,
    ...(options.recentViewRefreshMs === undefined ? {} : { intervalMs: options.recentViewRefreshMs }),
  });
  return {
    url,
    storage,
    organizations,
    access,
    worker,
    server,
    runDailyRound: async () => {
      await rounds?.runOnce();
    },
    async close() {
      await viewRefresh.stop();
      await rounds?.stop();
      await worker?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}
