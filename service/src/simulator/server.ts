import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrganizationModel } from './generate/model.ts';
import { authenticate, SIGN_IN_PAGE, WWW_AUTHENTICATE } from './auth.ts';
import { checkApiVersion, requestedApiVersion } from './apiVersion.ts';
import { errors, SimulatorHttpError } from './errors.ts';
import { readJsonBody, send } from './http.ts';
import type { RequestContext, RouteResult } from './http.ts';
import { LOCATIONS, locationsForArea } from './locations.ts';
import { findRoute, resolveScope } from './router.ts';
import { workItemPage } from './routes/pages.ts';

export interface SimulatorRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
}

export interface HandlerOptions {
  readonly model: OrganizationModel;
  readonly pageSize: number;
  readonly log: SimulatorRequest[];
  readonly organizationUrl: () => string;
}

interface Answer {
  readonly result: RouteResult;
  readonly headers?: Record<string, string>;
}

const UNAUTHORIZED: Answer = {
  result: { status: 401, body: errors.unauthorized().body },
  headers: { 'WWW-Authenticate': WWW_AUTHENTICATE },
};
const SIGN_IN: Answer = { result: { status: 203, body: SIGN_IN_PAGE, contentType: 'html' } };

async function dispatch(request: IncomingMessage, url: URL, options: HandlerOptions): Promise<Answer> {
  const { model } = options;
  const method = (request.method ?? 'GET').toUpperCase();
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  const [organization, ...rest] = segments;
  if (organization?.toLowerCase() !== model.organizationName) throw errors.routeNotFound(url.pathname);
  const apisAt = rest.findIndex((segment) => segment.toLowerCase() === '_apis');

  if (apisAt === -1) {
    // Web pages: {project}/_workitems/edit/{id}. Served to the browser without credentials for the demo.
    const [project, hub, action, id] = rest;
    if (
      rest.length === 4 &&
      hub?.toLowerCase() === '_workitems' &&
      action?.toLowerCase() === 'edit' &&
      project
    ) {
      const page = /^\d+$/.test(id ?? '') ? workItemPage(model, Number(id)) : undefined;
      if (page) return { result: page };
    }
    throw errors.routeNotFound(url.pathname);
  }

  const scope = rest.slice(0, apisAt);
  const resource = rest.slice(apisAt + 1);
  if (method === 'OPTIONS') {
    const value = scope.length === 0 && resource.length === 1 ? locationsForArea(resource[0] ?? '') : [];
    return { result: { status: 200, body: { count: value.length, value } } };
  }

  const match = findRoute(method, scope, resource);
  if (match?.route.anonymous !== true) {
    const auth = authenticate(request, model.pat);
    if (auth === 'anonymous') return UNAUTHORIZED;
    if (auth === 'rejected') return SIGN_IN;
  }
  if (!match) throw errors.routeNotFound(url.pathname);
  const apiVersion = requestedApiVersion(request, url.searchParams);
  checkApiVersion(apiVersion, method, LOCATIONS[match.route.location]);
  const params = resolveScope(model, match, scope);
  const context: RequestContext = {
    request,
    method,
    query: url.searchParams,
    model,
    organizationUrl: options.organizationUrl(),
    apiVersion,
    pageSize: options.pageSize,
    readBody: () => readJsonBody(request),
  };
  return { result: await match.route.handle(context, params) };
}

/** The node:http request listener: dispatch, answer errors in the service's JSON shape, log every request. */
export function createRequestHandler(
  options: HandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const log = (status: number): void => {
      options.log.push({
        method: (request.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status,
      });
    };
    dispatch(request, url, options)
      .catch((error: unknown): Answer => {
        if (error instanceof SimulatorHttpError)
          return { result: { status: error.status, body: error.body } };
        if (error instanceof SyntaxError || error instanceof URIError) {
          return { result: { status: 400, body: errors.invalidArgument(error.message).body } };
        }
        const message = error instanceof Error ? error.message : String(error);
        return {
          result: {
            status: 500,
            body: { ...errors.invalidArgument(message).body, typeKey: 'InternalServerError' },
          },
        };
      })
      .then(({ result, headers }) => {
        send(response, result, headers);
        log(result.status);
      })
      .catch(() => {
        response.destroy();
        log(500);
      });
  };
}
