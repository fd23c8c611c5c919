import express, { type Express, type Router } from 'express';
import { requireAppToken } from '../api/appTokenAuth.ts';
import { allowOrigins, MARKETPLACE_ORIGINS } from '../api/cors.ts';
import { createFlowRouter } from '../api/flowRouter.ts';
import { HttpError, jsonErrorHandler } from '../api/httpErrors.ts';
import type { Logger } from '../logger.ts';
import type { FlowService } from '../services/flowService.ts';

export interface AppDependencies {
  flowService: FlowService;
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
  api.use(requireAppToken(dependencies.extensionSecret));
  api.use(express.json({ limit: '1mb' }));
  api.use(createFlowRouter(dependencies.flowService));
  api.use((request) => {
    throw new HttpError(
      404,
      'not_found',
      `No API route ${request.method} ${request.baseUrl}${request.path}.`,
    );
  });
  app.use('/api/v1', api);
  if (dependencies.previewRouter !== undefined) app.use(dependencies.previewRouter);
  app.use(jsonErrorHandler(dependencies.logger));
  return app;
}
