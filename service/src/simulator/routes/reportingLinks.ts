import { ok } from '../http.ts';
import type { RequestContext, RouteResult } from '../http.ts';
import { errors } from '../errors.ts';
import { formatAdoDate, parseQueryDate } from '../dates.ts';
import type { RouteParams } from './route.ts';
import { csv } from './query.ts';

/** The service's link batch size is undocumented; the simulator answers up to 1000 changes a batch. */
export const LINKS_PAGE_SIZE = 1000;

function startIndex(context: RequestContext): number {
  const { links } = context.model;
  const token = context.query.get('continuationToken') ?? context.query.get('watermark');
  const startDateTime = context.query.get('startDateTime');
  if (token !== null && startDateTime !== null)
    throw errors.invalidArgument(
      "The 'startDateTime' parameter cannot be used in conjunction with the 'continuationToken' (watermark) parameter.",
    );
  if (token !== null) {
    if (!/^\d{1,15}$/.test(token.trim()))
      throw errors.invalidArgument(`The continuation token '${token}' is not valid.`);
    return Math.min(Number(token), links.changeCount);
  }
  if (startDateTime !== null) {
    const start = parseQueryDate(startDateTime);
    if (!start) throw errors.invalidArgument(`The value '${startDateTime}' is not a valid startDateTime.`);
    return links.firstIndexAtOrAfter(start.getTime());
  }
  return 0;
}

/** Link rel names match with or without the -Forward/-Reverse suffix. */
const baseRel = (name: string): string => name.toLowerCase().replace(/-(forward|reverse)$/, '');

/**
 * Reporting work item links: link additions (isActive true) and removals (false) in change order.
 * `types` keeps changes where either end is of one of the types (the docs do not say which end).
 */
export function readLinks(context: RequestContext, params: RouteParams): RouteResult {
  const { links, workItems: store } = context.model;
  const linkTypes = csv(context.query.get('linkTypes'))?.map(baseRel);
  const types = csv(context.query.get('types'))?.map((type) => type.toLowerCase());
  const typeOf = (id: number): string =>
    store.has(id) ? store.strings.get(store.types.get(store.latestIndex(id))).toLowerCase() : '';
  const projectOf = (id: number): number => (store.has(id) ? store.projects.get(store.latestIndex(id)) : -1);
  const from = startIndex(context);
  const values: Record<string, unknown>[] = [];
  let consumed = from;
  let isLastBatch = true;
  for (let index = from; index < links.changeCount; index += 1) {
    const source = links.sources.get(index);
    const target = links.targets.get(index);
    if (params.project && projectOf(source) !== params.project.index) continue;
    if (linkTypes && !linkTypes.includes(links.rel(index).toLowerCase())) continue;
    if (types && !types.includes(typeOf(source)) && !types.includes(typeOf(target))) continue;
    if (values.length === LINKS_PAGE_SIZE) {
      isLastBatch = false;
      break;
    }
    values.push({
      rel: links.rel(index),
      sourceId: source,
      targetId: target,
      changedDate: formatAdoDate(new Date(links.changed.get(index))),
      isActive: links.active.get(index) === 1,
    });
    consumed = index + 1;
  }
  if (isLastBatch) consumed = links.changeCount;
  const token = String(consumed);
  const kept = new URLSearchParams({ continuationToken: token });
  for (const [name, value] of context.query)
    if (!['continuationToken', 'watermark', 'startDateTime', 'api-version'].includes(name))
      kept.append(name, value);
  kept.append('api-version', context.apiVersion ?? '7.1');
  const project = params.project ? `/${encodeURIComponent(params.project.name)}` : '';
  return ok({
    values,
    nextLink: `${context.organizationUrl}${project}/_apis/wit/reporting/workItemLinks?${kept.toString()}`,
    continuationToken: token,
    isLastBatch,
  });
}
