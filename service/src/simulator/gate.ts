import type { IncomingMessage } from 'node:http';
import { errors } from './errors.ts';
import type { RouteResult } from './http.ts';
import type { RouteMatch } from './router.ts';
import type { Answer } from './server.ts';
import type { FaultInjector } from './faults/injector.ts';
import type { TstuLimiter } from './rateLimit/limiter.ts';
import { RATE_LIMIT_RESOURCE } from './rateLimit/limiter.ts';

const sleep = (ms: number) =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/**
 * The identity a request is charged to: the PAT's owner, however the PAT comes (bearer, or basic with
 * any user name — azure-devops-node-api sends "PAT"). The simulator has one PAT, so one identity.
 */
export function identityOf(request: IncomingMessage): string {
  return request.headers.authorization === undefined ? 'anonymous' : 'user';
}

export function blockedAnswer(retryAfterSeconds: number): Answer {
  const error = errors.custom(
    429,
    'RequestBlockedException',
    'Microsoft.TeamFoundation.Framework.Server',
    `TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource '${RATE_LIMIT_RESOURCE}' in namespace 'User'.`,
  );
  return {
    result: { status: 429, body: error.body },
    headers: {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Resource': RATE_LIMIT_RESOURCE,
      'X-RateLimit-Remaining': '0',
    },
  };
}

function itemCount(result: RouteResult): number {
  const body = result.body as { value?: unknown; values?: unknown } | undefined;
  if (Array.isArray(body?.value)) return body.value.length;
  if (Array.isArray(body?.values)) return body.values.length;
  return 0;
}

/** Faults and rate limits around routed API requests. */
export class RequestGate {
  constructor(
    readonly faults: FaultInjector,
    readonly limiter: TstuLimiter,
  ) {}

  /** Before the route: latency, then an injected failure or a rate-limit block may answer instead. */
  async before(
    request: IncomingMessage,
    path: string,
  ): Promise<{ answer?: Answer; fault?: Answer['fault'] }> {
    const { latencyMs, decision } = this.faults.decide(path);
    await sleep(latencyMs);
    if (decision.kind === 'status') {
      const error = errors.custom(
        decision.status,
        decision.status === 503 ? 'ServiceUnavailableException' : 'InternalServerError',
        'Microsoft.VisualStudio.Services.WebApi',
        `The service is unavailable (simulated ${decision.status}).`,
      );
      return {
        answer: {
          result: { status: decision.status, body: error.body },
          ...(decision.status === 503 ? { headers: { 'Retry-After': '1' } } : {}),
        },
      };
    }
    if (decision.kind === 'throttle') return { answer: blockedAnswer(decision.retryAfterSeconds) };
    const blocked = this.limiter.blocked(identityOf(request));
    if (blocked !== undefined) return { answer: blockedAnswer(blocked) };
    if (decision.kind === 'none') return {};
    return { fault: decision };
  }

  /** After the route: charge the identity, hold the answer for the delay; the headers and the TSTUs charged. */
  async after(
    request: IncomingMessage,
    match: RouteMatch,
    result: RouteResult,
  ): Promise<{ headers: Record<string, string>; tstu: number }> {
    const cost = this.limiter.cost(match.route.location, itemCount(result));
    const { headers, delayMs } = this.limiter.charge(identityOf(request), cost);
    await sleep(delayMs);
    return { headers, tstu: this.limiter.settings.enabled ? cost : 0 };
  }
}
