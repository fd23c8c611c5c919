import { Router } from 'express';
import { buildOpenApiDocument } from './document.ts';

/** GET /openapi.json, readable without a token (mount it before the auth middleware). */
export function createOpenApiRouter(): Router {
  const router = Router();
  let document: string | undefined;
  router.get('/openapi.json', (_request, response) => {
    document ??= JSON.stringify(buildOpenApiDocument());
    response.set('Cache-Control', 'public, max-age=300');
    response.type('application/json').send(document);
  });
  return router;
}
