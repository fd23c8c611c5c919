import type { AdoConnection } from '../../../ado/clients.ts';
import type { DeliveryRepository } from '../../../storage/delivery/repository.ts';
import type { PageSource } from '../../../storage/repository.ts';
import { deliveryPage, type DeliveryPageKind } from '../../normalise/delivery/pages.ts';
import type { StreamContext } from '../../stream.ts';

/** Shared plumbing of the delivery streams: projects, header-token paging, storing wrapped pages. */

export function requireDelivery(context: StreamContext, stream: string): DeliveryRepository {
  if (context.delivery === undefined) {
    throw new Error(`The ${stream} stream needs the delivery store: pass \`delivery\` to syncOrganization`);
  }
  return context.delivery;
}

export type Query = Record<string, string | number | undefined>;

export function pathWithQuery(path: string, query: Query): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text === '' ? path : `${path}?${text}`;
}

export const projectSegment = (project: string): string => encodeURIComponent(project);

export interface FetchedPage {
  /** Path and query as requested (below the organization or area URL). */
  url: string;
  requestToken: string | null;
  responseToken: string | null;
  body: unknown;
}

/**
 * Pages a list by the `x-ms-continuationtoken` response header, sending the same filters with every
 * token. Stops when no token comes back; a token that repeats would loop forever, so it is refused.
 */
export async function* headerPages(
  connection: AdoConnection,
  path: string,
  query: Query,
  area?: 'Release',
): AsyncGenerator<FetchedPage> {
  let token: string | undefined;
  for (;;) {
    const url = pathWithQuery(path, { ...query, continuationToken: token });
    const response = await connection.getJson(url, area === undefined ? {} : { area });
    if (response.body === null) throw new Error(`Azure DevOps returned an empty answer to GET ${url}`);
    const next = response.continuationToken === '' ? undefined : response.continuationToken;
    yield { url, requestToken: token ?? null, responseToken: next ?? null, body: response.body };
    if (next === undefined) return;
    if (next === token) throw new Error(`GET ${url} returned the continuation token it was sent`);
    token = next;
  }
}

export async function getBody(connection: AdoConnection, url: string): Promise<unknown> {
  const response = await connection.getJson(url);
  if (response.body === null) throw new Error(`Azure DevOps returned an empty answer to GET ${url}`);
  return response.body;
}

/** What is known about a fetched page's request when it is stored. */
export type PageRequest = Omit<FetchedPage, 'body'> & { isLastBatch?: boolean };

type Apply<R> = (
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) => Promise<R>;

/** Stores a fetched response as a wrapped raw page and normalises it through the kind's own function. */
export function storePage<R>(
  delivery: DeliveryRepository,
  organization: string,
  kind: DeliveryPageKind,
  page: PageRequest,
  context: Record<string, unknown>,
  response: unknown,
  apply: Apply<R>,
): Promise<R> {
  const { source, body } = deliveryPage(
    kind,
    {
      url: page.url,
      requestToken: page.requestToken,
      responseToken: page.responseToken,
      ...(page.isLastBatch === undefined ? {} : { isLastBatch: page.isLastBatch }),
    },
    context,
    response,
  );
  return apply(delivery, organization, source, body);
}

/** How many items a `{count, value}` answer lists (0 for anything else). */
export function valueCount(body: unknown): number {
  const value: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'value') : undefined;
  return Array.isArray(value) ? value.length : 0;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
