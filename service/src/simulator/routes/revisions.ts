import { z } from 'zod';
import { ok } from '../http.ts';
import type { RequestContext, RouteResult } from '../http.ts';
import { errors } from '../errors.ts';
import { parseQueryDate } from '../dates.ts';
import { decodeContinuationToken, encodeContinuationToken } from '../paging/token.ts';
import type { RouteParams } from './route.ts';
import { revisionFields, selectFields } from './revisionFields.ts';
import { csv, flag } from './query.ts';

/** The real maximum of $maxPageSize is undocumented; the simulator caps requests at 1000. */
export const MAX_PAGE_SIZE = 1000;

interface RevisionFilter {
  readonly fields: readonly string[] | undefined;
  readonly types: readonly string[] | undefined;
  readonly includeIdentityRef: boolean;
  readonly includeDeleted: boolean;
  readonly includeLatestOnly: boolean;
}

const postFilterSchema = z
  .object({
    fields: z.array(z.string()).nullish(),
    types: z.array(z.string()).nullish(),
    includeIdentityRef: z.boolean().nullish(),
    includeDeleted: z.boolean().nullish(),
    includeLatestOnly: z.boolean().nullish(),
  })
  .nullish();

function parsePageSize(query: URLSearchParams, fallback: number): number {
  const raw = query.get('$maxPageSize');
  if (raw === null) return fallback;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1)
    throw errors.invalidArgument(`Invalid value '${raw}' for parameter $maxPageSize.`);
  return Math.min(size, MAX_PAGE_SIZE);
}

/** Index in the change stream to start scanning from (the watermark already consumed). */
function startIndex(context: RequestContext): number {
  const store = context.model.workItems;
  const token = context.query.get('continuationToken') ?? context.query.get('watermark');
  const startDateTime = context.query.get('startDateTime');
  if (token !== null && startDateTime !== null) {
    throw errors.invalidArgument(
      "The 'startDateTime' parameter cannot be used in conjunction with the 'continuationToken' (watermark) parameter.",
    );
  }
  if (token !== null) {
    const watermark = decodeContinuationToken(token);
    if (watermark === undefined)
      throw errors.invalidArgument(`The continuation token '${token}' is not valid.`);
    return Math.min(watermark, store.revisionCount);
  }
  if (startDateTime !== null) {
    const start = parseQueryDate(startDateTime);
    if (!start) throw errors.invalidArgument(`The value '${startDateTime}' is not a valid startDateTime.`);
    return store.firstIndexAtOrAfter(start.getTime());
  }
  return 0;
}

function typeMatcher(
  context: RequestContext,
  types: readonly string[] | undefined,
): (index: number) => boolean {
  if (types === undefined || types.length === 0) return () => true;
  const { strings, types: column } = context.model.workItems;
  const wanted = new Set<number>();
  for (const type of types) {
    for (let pooled = 1; pooled < strings.size; pooled += 1)
      if (strings.get(pooled).toLowerCase() === type.toLowerCase()) wanted.add(pooled);
  }
  return (index) => wanted.has(column.get(index));
}

function nextLink(context: RequestContext, params: RouteParams, token: string): string {
  const kept = new URLSearchParams({ continuationToken: token });
  for (const [name, value] of context.query) {
    if (!['continuationToken', 'watermark', 'startDateTime', 'api-version'].includes(name))
      kept.append(name, value);
  }
  kept.append('api-version', context.apiVersion ?? '7.1');
  const project = params.project ? `/${encodeURIComponent(params.project.name)}` : '';
  return `${context.organizationUrl}${project}/_apis/wit/reporting/workItemRevisions?${kept.toString()}`;
}

function readBatch(
  context: RequestContext,
  params: RouteParams,
  filter: RevisionFilter,
  pageSize: number,
): RouteResult {
  const store = context.model.workItems;
  const total = store.revisionCount;
  const typeMatches = typeMatcher(context, filter.types);
  const project = params.project?.index;
  const from = startIndex(context);
  const batch: number[] = [];
  let consumed = from;
  let isLastBatch = true;
  for (let index = from; index < total; index += 1) {
    if (project !== undefined && store.projects.get(index) !== project) continue;
    if (!filter.includeDeleted && store.isDeleted(store.ids.get(index))) continue;
    if (filter.includeLatestOnly && store.next.get(index) !== -1) continue;
    if (!typeMatches(index)) continue;
    if (batch.length === pageSize) {
      isLastBatch = false;
      break;
    }
    batch.push(index);
    consumed = index + 1;
  }
  // Caught up: the token points past everything scanned, so the next poll returns only newer revisions.
  if (isLastBatch) consumed = total;
  const at = consumed - 1;
  const token = encodeContinuationToken({
    watermark: consumed,
    id: at >= 0 ? store.ids.get(at) : 0,
    rev: at >= 0 ? store.revs.get(at) : 0,
  });
  const values = batch.map((index) => ({
    id: store.ids.get(index),
    rev: store.revs.get(index),
    fields: selectFields(
      revisionFields(index, context.model, context.organizationUrl, filter.includeIdentityRef),
      filter.fields,
    ),
  }));
  return ok({ values, nextLink: nextLink(context, params, token), continuationToken: token, isLastBatch });
}

export function readRevisionsGet(context: RequestContext, params: RouteParams): RouteResult {
  const { query } = context;
  const filter: RevisionFilter = {
    fields: csv(query.get('fields')),
    types: csv(query.get('types')),
    includeIdentityRef: flag(query.get('includeIdentityRef')),
    includeDeleted: flag(query.get('includeDeleted')),
    includeLatestOnly: flag(query.get('includeLatestOnly')),
  };
  return readBatch(context, params, filter, parsePageSize(query, context.pageSize));
}

/** POST takes the filter in the body (for long field lists); it has no $maxPageSize. */
export async function readRevisionsPost(context: RequestContext, params: RouteParams): Promise<RouteResult> {
  const parsed = postFilterSchema.safeParse(await context.readBody());
  if (!parsed.success)
    throw errors.invalidArgument('The request body is not a valid ReportingWorkItemRevisionsFilter.');
  const body = parsed.data ?? {};
  const filter: RevisionFilter = {
    fields: body.fields ?? undefined,
    types: body.types ?? undefined,
    includeIdentityRef: body.includeIdentityRef ?? false,
    includeDeleted: body.includeDeleted ?? false,
    includeLatestOnly: body.includeLatestOnly ?? false,
  };
  return readBatch(context, params, filter, context.pageSize);
}
