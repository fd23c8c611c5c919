import { z } from 'zod';
import { list, ok } from '../http.ts';
import type { RequestContext, RouteResult } from '../http.ts';
import { errors } from '../errors.ts';
import type { OrganizationModel } from '../model/organization.ts';
import type { Route } from './route.ts';
import { revisionFields, selectFields } from './revisionFields.ts';
import { workItemUrl } from './links.ts';
import { csv, dateParam } from './query.ts';
import { incidentArtifactRelations } from '../delivery/incidentLinks.ts';

/** "Gets work items for a list of work item ids (Maximum 200)". */
export const MAX_WORK_ITEMS = 200;
const WIT = 'Microsoft.TeamFoundation.WorkItemTracking.Server';

type Expand = 'none' | 'relations' | 'fields' | 'links' | 'all';
const EXPANDS: readonly Expand[] = ['none', 'relations', 'fields', 'links', 'all'];

interface Request {
  readonly ids: readonly number[];
  readonly fields: readonly string[] | undefined;
  readonly asOf: number | undefined;
  readonly expand: Expand;
  readonly omitMissing: boolean;
}

const tooMany = (count: number) =>
  errors.custom(
    400,
    'WorkItemPageSizeExceededException',
    WIT,
    `VS403474: You requested ${count} work items which exceeds the limit of ${MAX_WORK_ITEMS}`,
  );

export const workItemNotFound = (id: number) =>
  errors.custom(
    404,
    'WorkItemUnauthorizedAccessException',
    WIT,
    `TF401232: Work item ${id} does not exist, or you do not have permissions to read it.`,
  );

function parseExpand(value: string | null | undefined): Expand {
  if (value === null || value === undefined || value === '') return 'none';
  const byNumber = /^\d$/.test(value) ? EXPANDS[Number(value)] : undefined;
  const match = byNumber ?? EXPANDS.find((candidate) => candidate === value.toLowerCase());
  if (!match) throw errors.invalidArgument(`The value '${value}' is not valid for $expand.`);
  return match;
}

const LINK_NAMES: Record<string, [string, string]> = {
  'System.LinkTypes.Hierarchy': ['Child', 'Parent'],
  'System.LinkTypes.Related': ['Related', 'Related'],
  'System.LinkTypes.Dependency': ['Successor', 'Predecessor'],
  'System.LinkTypes.Duplicate': ['Duplicate', 'Duplicate Of'],
};

function relations(model: OrganizationModel, organizationUrl: string, id: number, at: number) {
  return [...workItemRelations(model, organizationUrl, id, at), ...incidentArtifactRelations(model, id, at)];
}

function workItemRelations(model: OrganizationModel, organizationUrl: string, id: number, at: number) {
  return model.links.linksOf(id, at).map((link) => {
    const forward = link.source === id;
    const [forwardName, reverseName] = LINK_NAMES[link.rel] ?? ['Related', 'Related'];
    const symmetric = link.rel === 'System.LinkTypes.Related';
    return {
      rel: symmetric ? link.rel : `${link.rel}-${forward ? 'Forward' : 'Reverse'}`,
      url: workItemUrl(organizationUrl, forward ? link.target : link.source),
      attributes: { isLocked: false, name: forward ? forwardName : reverseName },
    };
  });
}

function workItem(context: RequestContext, id: number, request: Request): Record<string, unknown> | null {
  const store = context.model.workItems;
  if (!store.has(id) || store.isDeleted(id)) {
    if (request.omitMissing) return null;
    throw workItemNotFound(id);
  }
  const at = request.asOf ?? Number.POSITIVE_INFINITY;
  const index = store.indexAt(id, at);
  if (index === -1) {
    if (request.omitMissing) return null;
    throw workItemNotFound(id);
  }
  const url = workItemUrl(context.organizationUrl, id);
  const fields = selectFields(
    revisionFields(index, context.model, context.organizationUrl, true),
    request.fields,
  );
  delete fields['System.IsDeleted'];
  const item: Record<string, unknown> = { id, rev: store.revs.get(index), fields };
  if (request.expand === 'relations' || request.expand === 'all')
    item.relations = relations(context.model, context.organizationUrl, id, Math.min(at, context.now));
  if (request.expand === 'links' || request.expand === 'all')
    item._links = {
      self: { href: url },
      workItemUpdates: { href: `${url}/updates` },
      workItemRevisions: { href: `${url}/revisions` },
      html: { href: `${context.organizationUrl}/_workitems/edit/${id}` },
    };
  item.url = url;
  return item;
}

function checkRequest(request: Request): void {
  if (request.ids.length > MAX_WORK_ITEMS) throw tooMany(request.ids.length);
  if (request.fields !== undefined && request.expand !== 'none')
    throw errors.invalidArgument('The expand parameter can not be used with the fields parameter.');
}

const batchSchema = z.object({
  ids: z.array(z.number().int()),
  fields: z.array(z.string()).nullish(),
  asOf: z.string().nullish(),
  $expand: z.union([z.string(), z.number()]).nullish(),
  errorPolicy: z.union([z.string(), z.number()]).nullish(),
});

function omitFrom(policy: string | number | null | undefined): boolean {
  return policy === 2 || String(policy ?? '').toLowerCase() === 'omit';
}

/** Every revision of one item, oldest first (`$top`/`$skip`): what a one-item-at-a-time crawler reads. */
function itemRevisions(context: RequestContext, id: number): Record<string, unknown>[] {
  const store = context.model.workItems;
  if (!store.has(id) || store.isDeleted(id)) throw workItemNotFound(id);
  const revisions: Record<string, unknown>[] = [];
  for (let index = store.firstIndex(id); index !== -1; index = store.next.get(index)) {
    if (store.changed.get(index) > context.now) break;
    const fields = revisionFields(index, context.model, context.organizationUrl, true);
    delete fields['System.IsDeleted'];
    revisions.push({
      id,
      rev: store.revs.get(index),
      fields,
      url: `${workItemUrl(context.organizationUrl, id)}/revisions/${store.revs.get(index)}`,
    });
  }
  return revisions;
}

export const workItemRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'optionalProject',
    pattern: 'wit/workitems/:id/revisions',
    location: 'workItemRevisions',
    handle: (context, { values }) => {
      const id = Number(values.id);
      if (!Number.isInteger(id))
        throw errors.invalidArgument(`The value '${values.id}' is not a valid work item id.`);
      const skip = Number(context.query.get('$skip') ?? 0);
      const top = Number(context.query.get('$top') ?? 200);
      return list(itemRevisions(context, id).slice(skip, skip + top));
    },
  },
  {
    methods: ['GET'],
    scope: 'optionalProject',
    pattern: 'wit/workitems/:id?',
    location: 'workItems',
    handle: (context, { values }) => {
      const { query } = context;
      const base = {
        fields: csv(query.get('fields')),
        asOf: dateParam(query, 'asOf'),
        expand: parseExpand(query.get('$expand')),
      };
      if (values.id !== undefined) {
        const id = Number(values.id);
        if (!Number.isInteger(id))
          throw errors.invalidArgument(`The value '${values.id}' is not a valid work item id.`);
        const request = { ...base, ids: [id], omitMissing: false };
        checkRequest(request);
        return ok(workItem(context, id, request));
      }
      const ids = (csv(query.get('ids')) ?? []).map(Number);
      if (ids.length === 0 || ids.some((id) => !Number.isInteger(id)))
        throw errors.invalidArgument('The ids parameter must list work item ids.');
      const request = { ...base, ids, omitMissing: omitFrom(query.get('errorPolicy')) };
      checkRequest(request);
      return list(ids.map((id) => workItem(context, id, request)));
    },
  },
  {
    methods: ['POST'],
    scope: 'optionalProject',
    pattern: 'wit/workitemsbatch',
    location: 'workItemsBatch',
    handle: async (context): Promise<RouteResult> => {
      const parsed = batchSchema.safeParse(await context.readBody());
      if (!parsed.success)
        throw errors.invalidArgument('The request body is not a valid WorkItemBatchGetRequest.');
      const body = parsed.data;
      const asOf = body.asOf ? Date.parse(body.asOf) : undefined;
      if (asOf !== undefined && Number.isNaN(asOf))
        throw errors.invalidArgument(`Invalid asOf '${body.asOf ?? ''}'.`);
      const request: Request = {
        ids: body.ids,
        fields: body.fields ?? undefined,
        asOf,
        expand: parseExpand(
          body.$expand === undefined || body.$expand === null ? undefined : String(body.$expand),
        ),
        omitMissing: omitFrom(body.errorPolicy),
      };
      checkRequest(request);
      return list(request.ids.map((id) => workItem(context, id, request)));
    },
  },
];
