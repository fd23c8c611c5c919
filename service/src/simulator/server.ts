import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, SIGN_IN_PAGE, WWW_AUTHENTICATE } from './auth.ts';
import { checkApiVersion, requestedApiVersion } from './apiVersion.ts';
import { errors, SimulatorHttpError } from './errors.ts';
import { readJsonBody } from './http.ts';
import type { RequestContext, RouteResult } from './http.ts';
import { locationOf, locationsForArea } from './locations.ts';
import { findRoute, resolveScope } from './router.ts';
import type { Host, RouteMatch } from './router.ts';
import { workItemPage } from './routes/pages.ts';
import type { SimulatorRuntime } from './runtime.ts';

export interface SimulatorRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
}

/** Where the simulator is reachable, known once it listens. */
export interface SimulatorUrls {
  readonly origin: string;
  readonly organizationUrl: string;
  readonly releaseUrl: string;
}

/** What happens around a routed API request: injected faults and rate limits (see gate.ts). */
export interface RequestGate {
  /** Before the route: may wait, answer instead of it (5xx, 429) or pick a fault for writing. */
  before(request: IncomingMessage, path: string): Promise<{ answer?: Answer; fault?: Answer['fault'] }>;
  /** After the route: charges the request; may hold the answer; returns headers to add. */
  after(request: IncomingMessage, match: RouteMatch, result: RouteResult): Promise<Record<string, string>>;
}

export interface Answer {
  readonly result: RouteResult;
  readonly headers?: Record<string, string>;
  /** A fault chosen for this answer: cut the connection, or send the body slowly or cut short. */
  readonly fault?:
    | { readonly kind: 'reset' }
    | { readonly kind: 'truncate' }
    | { readonly kind: 'slow'; readonly bytesPerSecond: number };
}

export interface HandlerOptions {
  readonly runtime: SimulatorRuntime;
  readonly log: SimulatorRequest[];
  readonly urls: () => SimulatorUrls;
  readonly gate?: RequestGate;
  /** Answers `/_simulator/...` (the control endpoint); returns false for other paths. */
  readonly control?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
  /** Writes the answer; faults may slow, truncate or cut it. */
  readonly write: (request: IncomingMessage, response: ServerResponse, answer: Answer) => Promise<void>;
}

const UNAUTHORIZED: Answer = {
  result: { status: 401, body: errors.unauthorized().body },
  headers: { 'WWW-Authenticate': WWW_AUTHENTICATE },
};
const SIGN_IN: Answer = { result: { status: 203, body: SIGN_IN_PAGE, contentType: 'html' } };

function splitPath(url: URL): { host: Host; segments: string[] } {
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  // The Release area's host (vsrm.dev.azure.com/{org}) is served under /vsrm/{org}.
  if (segments[0]?.toLowerCase() === 'vsrm') return { host: 'release', segments: segments.slice(1) };
  return { host: 'main', segments };
}

async function dispatch(request: IncomingMessage, url: URL, options: HandlerOptions): Promise<Answer> {
  const { runtime } = options;
  const { model } = runtime;
  const method = (request.method ?? 'GET').toUpperCase();
  const { host, segments } = splitPath(url);
  const [organization, ...rest] = segments;
  if (organization?.toLowerCase() !== model.organizationName) throw errors.routeNotFound(url.pathname);
  const apisAt = rest.findIndex((segment) => segment.toLowerCase() === '_apis');

  if (apisAt === -1) {
    // Web pages: {project}/_workitems/edit/{id}. Served to the browser without credentials for the demo.
    const [project, hub, action, id] = rest;
    if (
      host === 'main' &&
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
    const value =
      scope.length === 0 && resource.length === 1 ? locationsForArea(resource[0] ?? '', host) : [];
    return { result: { status: 200, body: { count: value.length, value } } };
  }

  const match = findRoute(method, scope, resource, host);
  if (match?.route.anonymous !== true) {
    const auth = authenticate(request, model.pat);
    if (auth === 'anonymous') return UNAUTHORIZED;
    if (auth === 'rejected') return SIGN_IN;
  }
  if (!match) throw errors.routeNotFound(url.pathname);
  let fault: Answer['fault'];
  // Discovery (resource areas) is neither rate limited nor faulted: clients cache it once.
  const gate = match.route.anonymous === true ? undefined : options.gate;
  if (gate) {
    const gated = await gate.before(request, url.pathname);
    if (gated.answer) return gated.answer;
    fault = gated.fault;
  }
  const apiVersion = requestedApiVersion(request, url.searchParams);
  checkApiVersion(apiVersion, method, locationOf(match.route.location));
  const params = resolveScope(model, match, scope);
  const urls = options.urls();
  const context: RequestContext = {
    request,
    method,
    query: url.searchParams,
    model,
    runtime,
    organizationUrl: urls.organizationUrl,
    releaseUrl: urls.releaseUrl,
    apiVersion,
    pageSize: runtime.pageSize,
    now: runtime.clock.now(),
    readBody: () => readJsonBody(request),
  };
  const result = await match.route.handle(context, params);
  const headers = gate ? await gate.after(request, match, result) : {};
  return fault === undefined ? { result, headers } : { result, headers, fault };
}

function errorAnswer(error: unknown): Answer {
  if (error instanceof SimulatorHttpError) return { result: { status: error.status, body: error.body } };
  if (error instanceof SyntaxError || error instanceof URIError)
    return { result: { status: 400, body: errors.invalidArgument(error.message).body } };
  const message = error instanceof Error ? error.message : String(error);
  return {
    result: {
      status: 500,
      body: { ...errors.invalidArgument(message).body, typeKey: 'InternalServerError' },
    },
  };
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
    void (async () => {
      if (options.control && (await options.control(request, response, url))) return;
      const answer = await dispatch(request, url, options).catch(errorAnswer);
      // Logged before writing so a client that has read the answer always finds it in the log.
      log(answer.fault?.kind === 'reset' ? 0 : answer.result.status);
      await options.write(request, response, answer);
    })().catch(() => {
      response.destroy();
      log(500);
    });
  };
}
