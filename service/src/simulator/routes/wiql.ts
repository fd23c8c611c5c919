import { z } from 'zod';
import { ok } from '../http.ts';
import type { RequestContext, RouteResult } from '../http.ts';
import { errors } from '../errors.ts';
import { formatAdoDate } from '../dates.ts';
import { parseWiql } from '../wiql/parser.ts';
import type { WiqlQuery } from '../wiql/parser.ts';
import { WiqlSyntaxError } from '../wiql/lexer.ts';
import { fieldValue, matches } from '../wiql/evaluate.ts';
import type { EvaluationScope } from '../wiql/evaluate.ts';
import { WIQL_FIELDS } from '../wiql/fields.ts';
import type { Route, RouteParams } from './route.ts';
import { workItemUrl } from './links.ts';
import { flag, wholeNumber } from './query.ts';

/** "Query results 20,000 items" (work tracking object limits). */
export const WIQL_RESULT_LIMIT = 20_000;
const WIT = 'Microsoft.TeamFoundation.WorkItemTracking.Server';

const sizeLimitExceeded = () =>
  errors.custom(
    400,
    'WorkItemTrackingQueryResultSizeLimitExceededException',
    WIT,
    `VS402337: The number of work items returned exceeds the size limit of ${WIQL_RESULT_LIMIT}. Change the query to return fewer items.`,
  );

const bodySchema = z.object({ query: z.string().min(1) });

const fieldRef = (organizationUrl: string, referenceName: string) => ({
  referenceName,
  name: WIQL_FIELDS[referenceName]?.name ?? referenceName,
  url: `${organizationUrl}/_apis/wit/fields/${referenceName}`,
});

function run(scope: EvaluationScope, query: WiqlQuery, asOf: number): number[] {
  const store = scope.model.workItems;
  const matched: number[] = [];
  for (let id = 1; id <= store.maxWorkItemId; id += 1) {
    if (!store.has(id) || store.isDeleted(id)) continue;
    const index = asOf === Number.POSITIVE_INFINITY ? store.latestIndex(id) : store.indexAt(id, asOf);
    if (index === -1) continue;
    if (query.where === undefined || matches(scope, index, query.where)) matched.push(index);
  }
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'System.Id', descending: false }];
  return matched.sort((a, b) => {
    for (const { field, descending } of order) {
      const left = fieldValue(scope, a, field);
      const right = fieldValue(scope, b, field);
      const x = Array.isArray(left) ? left.join(';') : left;
      const y = Array.isArray(right) ? right.join(';') : right;
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const result = x < y ? -1 : 1;
      return descending ? -result : result;
    }
    return store.ids.get(a) - store.ids.get(b);
  });
}

async function queryByWiql(context: RequestContext, params: RouteParams): Promise<RouteResult> {
  const parsed = bodySchema.safeParse(await context.readBody());
  if (!parsed.success) throw errors.invalidArgument('The request body must carry a WIQL query.');
  let query: WiqlQuery;
  try {
    query = parseWiql(parsed.data.query);
  } catch (error) {
    if (error instanceof WiqlSyntaxError)
      throw errors.custom(400, 'WorkItemTrackingQueryException', WIT, error.message);
    throw error;
  }
  const asOf = query.asOf === undefined ? Number.POSITIVE_INFINITY : Date.parse(query.asOf);
  if (Number.isNaN(asOf)) throw errors.invalidArgument(`The ASOF date '${query.asOf ?? ''}' is not valid.`);
  const scope: EvaluationScope = {
    model: context.model,
    project: params.project,
    team: params.team,
    now: context.now,
    timePrecision: flag(context.query.get('timePrecision')),
  };
  let indexes: number[];
  try {
    indexes = run(scope, query, asOf);
  } catch (error) {
    if (error instanceof WiqlSyntaxError)
      throw errors.custom(400, 'WorkItemTrackingQueryException', WIT, error.message);
    throw error;
  }
  const top = wholeNumber(context.query, '$top');
  // With $top the service returns the first results; without it a larger result is refused.
  if (top === undefined && indexes.length > WIQL_RESULT_LIMIT) throw sizeLimitExceeded();
  const kept = indexes.slice(0, Math.min(top ?? WIQL_RESULT_LIMIT, WIQL_RESULT_LIMIT));
  const store = context.model.workItems;
  return ok({
    queryType: 'flat',
    queryResultType: 'workItem',
    asOf: formatAdoDate(new Date(Math.min(asOf, context.now))),
    columns: query.select.map((field) => fieldRef(context.organizationUrl, field)),
    sortColumns: query.orderBy.map(({ field, descending }) => ({
      field: fieldRef(context.organizationUrl, field),
      descending,
    })),
    workItems: kept.map((index) => {
      const id = store.ids.get(index);
      return { id, url: workItemUrl(context.organizationUrl, id) };
    }),
  });
}

export const wiqlRoutes: readonly Route[] = [
  {
    methods: ['POST'],
    scope: 'optionalTeam',
    pattern: 'wit/wiql',
    location: 'wiql',
    handle: queryByWiql,
  },
];
