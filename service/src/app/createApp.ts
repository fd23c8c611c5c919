import express, { type Express, type Router } from 'express';
import { requireAppToken } from '../api/appTokenAuth.ts';
import { allowOrigins, MARKETPLACE_ORIGINS } from '../api/cors.ts';
import { createDeliveryRouter } from '../api/delivery/router.ts';
import { createDeliverySettingsRouter } from '../api/delivery/settingsRouter.ts';
import { createFlowRouter } from '../api/flow/router.ts';
import { HttpError, jsonErrorHandler } from '../api/httpErrors.ts';
import { createOpenApiRouter } from '../api/openapi/router.ts';
import { createTeamSettingsRouter } from '../api/teamSettings/router.ts';
import type { Logger } from '../logger.ts';
import type { DeliveryService } from '../services/delivery/service.ts';
import type { DeliverySettingsService } from '../services/delivery/settingsService.ts';
import type { FlowService } from '../services/flow/service.ts';
import type { OrganizationService } from '../services/organizations/service.ts';
import type { TeamSettingsService } from '../services/teamSettings/service.ts';
import { createOrganizationsRouter } from '../api/organizations/router.ts';

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
  /** Service-hook receiver; absent when the service takes no pushes. */
  hooksRouter?: Router;
  /** Serves the built hub files at /extension/hubs (the dev manifest's baseUri points here). */
  hubFilesDirectory?: string;
  extensionSecret: string;
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
  if (dependencies.organizationService !== undefined) {
    api.use(createOrganizationsRouter(dependencies.organizationService));
  }
  api.use((request) => {
    throw new HttpError(
      404,
      'not_found',
      `No API route ${request.method} ${request.baseUrl}${request.path}.`,
    );
  });
  if (dependencies.hooksRouter !== undefined) app.use(dependencies.hooksRouter);
  app.use('/api/v1', api);
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
