import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Request, type Response } from 'express';
import { renderHostPage } from './hostPage.ts';
import type { PreviewHostContext, PreviewPageConfig } from './previewPageConfig.ts';

export type { PreviewHostContext, PreviewPageConfig } from './previewPageConfig.ts';

export interface PreviewRouterOptions {
  /** dist/extension: the Vite build output holding hubs/ and preview-host/. */
  extensionDistDirectory: string;
  context: PreviewHostContext;
  /** Mints an app token the API accepts (what SDK.getAppToken() returns inside Azure DevOps). */
  mintAppToken(): Promise<string>;
}

const hostPageFile = join('preview-host', 'preview-host.html');

function sendApiError(response: Response, status: number, code: string, message: string): void {
  response
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ error: { code, message } }));
}

/**
 * A stand-in for Azure DevOps around the built hubs, for local use and browser tests:
 *   GET /                    host page (fake ADO frame) that iframes a hub and answers the SDK handshake
 *   GET /preview/app-token   { token } for the host page's getAppToken answer
 *   GET /extension/*         the built extension files (also the dev manifest's baseUri target)
 */
export function createPreviewRouter(options: PreviewRouterOptions): express.Router {
  const router = express.Router();

  router.get('/', async (request: Request, response: Response) => {
    const mountPath = request.baseUrl;
    let builtHtml: string;
    try {
      builtHtml = await readFile(join(options.extensionDistDirectory, hostPageFile), 'utf8');
    } catch {
      sendApiError(
        response,
        503,
        'extension_not_built',
        `The preview host page is missing from ${options.extensionDistDirectory}; run "npm run build:extension".`,
      );
      return;
    }
    const config: PreviewPageConfig = {
      context: options.context,
      extensionBaseUri: `${mountPath}/`,
      appTokenUrl: `${mountPath}/preview/app-token`,
    };
    response
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(renderHostPage(builtHtml, `${mountPath}/extension/preview-host/`, config));
  });

  router.get('/preview/app-token', async (_request: Request, response: Response) => {
    try {
      const token = await options.mintAppToken();
      response.set('Cache-Control', 'no-store').json({ token });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sendApiError(response, 500, 'app_token_failed', `Could not mint a preview app token: ${reason}`);
    }
  });

  router.use(
    '/extension',
    express.static(options.extensionDistDirectory, { index: false }),
    (request: Request, response: Response) =>
      sendApiError(response, 404, 'not_found', `No built extension file at ${request.originalUrl}.`),
  );

  return router;
}
