import express, { type Express, type Router } from 'express';
import { requireAppToken } from '../api/appTokenAuth.ts';
import { allowOrigins, MARKETPLACE_ORIGINS } from '../api/cors.ts';
import { createDeliveryRouter } from '../api/delivery/router.ts';
import { createDeliverySettingsRouter } from '../api/delivery/settingsRouter.ts';
import { createFlowRouter } from '../api/flow/router.ts';
import { HttpError, jsonErrorHandler } from '../api/httpErrors.ts';
import { compressAnswers } from '../api/compression.ts';
import { createOpenApiRouter } from '../api/openapi/router.ts';
import { createTeamSettingsRouter } from '../api/teamSettings/router.ts';
import type { Logger } from '../logger.ts';
import type { DeliveryService } from '../services/delivery/service.ts';
import type { DeliverySettingsService } from '../services/delivery/settingsService.ts';
import type { FlowService } from '../services/flow/service.ts';
import type { OrganizationService } from '../services/organizations/service.ts';
import type { TeamSettingsService } from '../services/teamSettings/service.ts';
import { createOrganizationsRouter } from '../api/organizations/router.ts';
import { authorizeRequests } from '../api/access/authorize.ts';
import { createAccessRouter } from '../api/access/router.ts';
import { auditSettingsChanges } from '../api/access/auditChanges.ts';
import type { AccessService } from '../services/access/accessService.ts';
import type { AuditLog } from '../storage/sql/audit/auditStore.ts';
import { createSprintTargetsRouter } from '../api/targets/router.ts';
import { createUsageRouter } from '../api/usage/router.ts';
import { createInsightsRouter } from '../api/insights/router.ts';
import { createTeamsRouter } from '../api/teams/router.ts';
import type { TeamsService } from '../services/teams/service.ts';
import type { InsightsService } from '../services/insights/service.ts';
import type { SprintOutlookService } from '../services/targets/outlookService.ts';
import type { SprintTargetsService } from '../services/targets/service.ts';
import type { SprintReviewService } from '../services/targets/reviewService.ts';
import type { UsageService } from '../services/usage/service.ts';
import type { AdoptionService } from '../services/usage/adoption.ts';
import { createCompanyHolidaysRouter } from '../api/calendar/router.ts';
import type { CompanyHolidaysService } from '../services/calendar/companyHolidaysService.ts';

export interface AppDependencies {
  flowService: FlowService;
  /** GET/PUT/DELETE .../flow/settings; absent when the service stores no team settings. */
  teamSettingsService?: TeamSettingsService;
  /** .../delivery/... per project and team; absent when the service stores no delivery records. */
  deliveryService?: DeliveryService;
  /** GET/PUT/DELETE .../projects/:project/delivery/settings. */
  deliverySettingsService?: DeliverySettingsService;
  /** Admin endpoints (connect organizations, sync status); absent in the single-organization demo. */
  organizationService?: OrganizationService;
  /** GET/PUT .../sprints/:iterationId/targets and GET .../outlook; absent without a targets store. */
  sprintTargets?: {
    targets: SprintTargetsService;
    outlooks: SprintOutlookService;
    reviews: SprintReviewService;
  };
  /** POST .../usage/events and GET .../usage; absent without a usage store. */
  usageService?: UsageService;
  /** GET .../adoption (with the usage router). */
  adoptionService?: AdoptionService;
  /** GET/PUT .../company-holidays; absent without a company-holiday store. */
  companyHolidaysService?: CompanyHolidaysService;
  /** .../teams/:team/insights; absent without an insights store. */
  insightsService?: InsightsService;
  /** GET .../projects/:project/teams. */
  teamsService?: TeamsService;
  /** Service-hook receiver; absent when the service takes no pushes. */
  hooksRouter?: Router;
  /** Sync health and quarantine (api/sync); absent without a sync worker's stores. */
  syncRouter?: Router;
  /** Serves the built hub files at /extension/hubs (the dev manifest's baseUri points here). */
  hubFilesDirectory?: string;
  extensionSecret: string;
  /** The authorization layer every API route passes (organization binding and roles). */
  access: AccessService;
  /** Origins besides Azure DevOps' own that organization URLs may use (the simulator, tests); none in serve. */
  allowedOrganizationOrigins?: readonly string[];
  /** Where settings changes are recorded; absent: not recorded. */
  auditLog?: AuditLog;
  logger: Logger;
  /** Extra origins allowed to call the API besides the Marketplace CDN (e.g. the preview host). */
  allowedOrigins?: readonly RegExp[];
  /** Mounted at / when present: the local preview of the hubs. */
  previewRouter?: Router;
}

/** Wires routers and middleware; holds no logic of its own. */
export function createApp(dependencies: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  const api = express.Router();
  api.use(allowOrigins([...MARKETPLACE_ORIGINS, ...(dependencies.allowedOrigins ?? [])]));
  api.use(createOpenApiRouter());
  api.use(requireAppToken(dependencies.extensionSecret));
  api.use(express.json({ limit: '1mb' }));
  api.use(authorizeRequests(dependencies.access, dependencies.allowedOrganizationOrigins ?? []));
  if (dependencies.auditLog !== undefined)
    api.use(auditSettingsChanges(dependencies.auditLog, dependencies.logger));
  api.use(createFlowRouter(dependencies.flowService));
  if (dependencies.teamSettingsService !== undefined) {
    api.use(createTeamSettingsRouter(dependencies.teamSettingsService));
  }
  if (dependencies.deliveryService !== undefined) {
    api.use(createDeliveryRouter(dependencies.deliveryService));
  }
  if (dependencies.deliverySettingsService !== undefined) {
    api.use(createDeliverySettingsRouter(dependencies.deliverySettingsService));
  }
  if (dependencies.sprintTargets !== undefined) {
    api.use(
      createSprintTargetsRouter(
        dependencies.sprintTargets.targets,
        dependencies.sprintTargets.outlooks,
        dependencies.sprintTargets.reviews,
      ),
    );
  }
  if (dependencies.usageService !== undefined) {
    api.use(createUsageRouter(dependencies.usageService, dependencies.adoptionService));
  }
  if (dependencies.insightsService !== undefined) api.use(createInsightsRouter(dependencies.insightsService));
  if (dependencies.companyHolidaysService !== undefined) {
    api.use(createCompanyHolidaysRouter(dependencies.companyHolidaysService));
  }
  if (dependencies.teamsService !== undefined) api.use(createTeamsRouter(dependencies.teamsService));
  if (dependencies.organizationService !== undefined) {
    api.use(createOrganizationsRouter(dependencies.organizationService));
  }
  api.use(createAccessRouter(dependencies.access));
  if (dependencies.syncRouter !== undefined) api.use(dependencies.syncRouter);
  api.use((request) => {
    throw new HttpError(
      404,
      'not_found',
      `No API route ${request.method} ${request.baseUrl}${request.path}.`,
    );
  });
  if (dependencies.hooksRouter !== undefined) app.use(dependencies.hooksRouter);
  app.use('/api/v1', compressAnswers(), api);
  if (dependencies.hubFilesDirectory !== undefined) {
    app.use(
      '/extension/hubs',
      allowOrigins([/.*/]),
      express.static(dependencies.hubFilesDirectory, { fallthrough: false }),
    );
  }
  if (dependencies.previewRouter !== undefined) app.use(dependencies.previewRouter);
  app.use(jsonErrorHandler(dependencies.logger));
  return app;
}
