import type { IncomingMessage, ServerResponse } from 'node:http';
import { identify, SIGN_IN_PAGE, WWW_AUTHENTICATE } from './auth.ts';
import type { IdentityDirectory } from './identity/directory.ts';
import { checkApiVersion, requestedApiVersion } from './apiVersion.ts';
import { errors, SimulatorHttpError } from './errors.ts';
import { readJsonBody } from './http.ts';
import type { RequestContext, RouteResult } from './http.ts';
import { locationOf, locationsForArea } from './locations.ts';
import { findRoute, resolveScope } from './router.ts';
import type { Host, RouteMatch } from './router.ts';
import { workItemPage } from './routes/pages.ts';
import { checkScope } from './scopes.ts';
import type { SimulatorRuntime } from './runtime.ts';

export interface SimulatorRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** TSTUs the rate limiter charged for it (absent when it was not charged: refused, discovery, control). */
  readonly tstu?: number;
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
  /** After the route: charges the request; may hold the answer; returns headers to add and the charge. */
  after(
    request: IncomingMessage,
    match: RouteMatch,
    result: RouteResult,
  ): Promise<{ headers: Record<string, string>; tstu: number }>;
}

export interface Answer {
  readonly result: RouteResult;
  readonly headers?: Record<string, string>;
  /** TSTUs charged for the answer. */
  readonly tstu?: number;
  /** A fault chosen for this answer: cut the connection, or send the body slowly or cut short. */
  readonly fault?:
    | { readonly kind: 'reset' }
    | { readonly kind: 'truncate' }
    | { readonly kind: 'slow'; readonly bytesPerSecond: number };
}

/** One organization the simulator serves. */
export interface HostedOrganization {
  readonly runtime: SimulatorRuntime;
  readonly urls: () => SimulatorUrls;
}

export interface HandlerOptions {
  /** The organization named by the first path segment (lower case), if the simulator serves it. */
  readonly organizations: (name: string) => HostedOrganization | undefined;
  readonly identities: IdentityDirectory;
  readonly log: SimulatorRequest[];
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
/** A live token of someone who is no member of this organization (or a token issued for another one). */
function notAuthorized(userId: string): Answer {
  const error = errors.custom(
    401,
    'UnauthorizedRequestException',
    'Microsoft.TeamFoundation.Framework.Server',
    `TF400813: The user '${userId}' is not authorized to access this resource.`,
  );
  return { result: { status: 401, body: error.body }, headers: { 'WWW-Authenticate': WWW_AUTHENTICATE } };
}
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
  const method = (request.method ?? 'GET').toUpperCase();
  const { host, segments } = splitPath(url);
  const [organization, ...rest] = segments;
  const hosted = organization === undefined ? undefined : options.organizations(organization.toLowerCase());
  if (!hosted) throw errors.routeNotFound(url.pathname);
  const { runtime } = hosted;
  const { model } = runtime;
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
  let principal: RequestContext['principal'];
  if (match?.route.anonymous !== true) {
    const identity = identify(request, options.identities, model.organizationName);
    if (identity.outcome === 'anonymous') return UNAUTHORIZED;
    if (identity.outcome === 'rejected') return SIGN_IN;
    if (identity.outcome === 'forbidden') return notAuthorized(identity.userId);
    principal = identity.grant;
  }
  if (!match) throw errors.routeNotFound(url.pathname);
  // PAT scopes are checked per API area (scopes.ts): 401 on this area only.
  if (principal !== undefined) checkScope(match.route, principal.scopes);
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
  const urls = hosted.urls();
  const context: RequestContext = {
    principal,
    identities: options.identities,
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
  if (!gate) return fault === undefined ? { result, headers: {} } : { result, headers: {}, fault };
  const { headers, tstu } = await gate.after(request, match, result);
  return fault === undefined ? { result, headers, tstu } : { result, headers, tstu, fault };
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
    const log = (status: number, tstu?: number): void => {
      options.log.push({
        method: (request.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status,
        ...(tstu === undefined ? {} : { tstu }),
      });
    };
    void (async () => {
      if (options.control && (await options.control(request, response, url))) return;
      const answer = await dispatch(request, url, options).catch(errorAnswer);
      // Logged before writing so a client that has read the answer always finds it in the log.
      log(answer.fault?.kind === 'reset' ? 0 : answer.result.status, answer.tstu);
      await options.write(request, response, answer);
    })().catch(() => {
      response.destroy();
      log(500);
    });
  };
}
