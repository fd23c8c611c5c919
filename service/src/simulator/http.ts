import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrganizationModel } from './generate/model.ts';

/** Everything a route handler needs about one request. */
export interface RequestContext {
  readonly request: IncomingMessage;
  readonly method: string;
  readonly query: URLSearchParams;
  readonly model: OrganizationModel;
  /** e.g. http://127.0.0.1:PORT/seika-demo (no trailing slash). */
  readonly organizationUrl: string;
  readonly apiVersion: string | undefined;
  readonly pageSize: number;
  readBody(): Promise<unknown>;
}

export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
  readonly contentType?: 'json' | 'html';
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const html = (body: string): RouteResult => ({ status: 200, body, contentType: 'html' });

export function send(
  response: ServerResponse,
  result: RouteResult,
  headers: Record<string, string> = {},
): void {
  const isHtml = result.contentType === 'html';
  const payload = isHtml ? String(result.body) : JSON.stringify(result.body);
  response.writeHead(result.status, {
    'Content-Type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8; api-version=7.1',
    'Content-Length': Buffer.byteLength(payload),
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
