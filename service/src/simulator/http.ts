import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrganizationModel } from './model/organization.ts';
import type { SimulatorRuntime } from './runtime.ts';
import type { IdentityDirectory, TokenGrant } from './identity/directory.ts';

/** Everything a route handler needs about one request. */
export interface RequestContext {
  readonly request: IncomingMessage;
  /** Who is calling; undefined on anonymous routes (location discovery). */
  readonly principal: TokenGrant | undefined;
  readonly identities: IdentityDirectory;
  readonly method: string;
  readonly query: URLSearchParams;
  readonly model: OrganizationModel;
  readonly runtime: SimulatorRuntime;
  /** e.g. http://127.0.0.1:PORT/seika-demo (no trailing slash). */
  readonly organizationUrl: string;
  /** e.g. http://127.0.0.1:PORT/vsrm/seika-demo: where the Release area is served. */
  readonly releaseUrl: string;
  readonly apiVersion: string | undefined;
  readonly pageSize: number;
  /** The simulated clock's time when the request arrived. */
  readonly now: number;
  readBody(): Promise<unknown>;
}

export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: 'json' | 'html';
  readonly headers?: Readonly<Record<string, string>>;
}

export const ok = (body: unknown, headers?: Record<string, string>): RouteResult =>
  headers === undefined ? { status: 200, body } : { status: 200, body, headers };
export const html = (body: string): RouteResult => ({ status: 200, body, contentType: 'html' });

/** `{count, value}`, the service's wrapper for collections. */
export const list = (value: readonly unknown[], headers?: Record<string, string>): RouteResult =>
  ok({ count: value.length, value }, headers);

export function serialize(result: RouteResult): { payload: Buffer; contentType: string } {
  const isHtml = result.contentType === 'html';
  if (result.body === undefined)
    return { payload: Buffer.alloc(0), contentType: 'application/json; charset=utf-8' };
  return {
    payload: Buffer.from(isHtml ? String(result.body) : JSON.stringify(result.body), 'utf8'),
    contentType: isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8; api-version=7.1',
  };
}

export function send(
  response: ServerResponse,
  result: RouteResult,
  headers: Record<string, string> = {},
): void {
  const { payload, contentType } = serialize(result);
  response.writeHead(result.status, {
    'Content-Type': contentType,
    'Content-Length': payload.byteLength,
    ...result.headers,
    ...headers,
  });
  response.end(payload);
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
