import { z } from 'zod';
import { DEFAULT_INCIDENT_RULE, type IncidentRule } from '../../../storage/delivery/repository.ts';
import { matchesIncidentRule } from '../../normalise/delivery/incidents.ts';
import { DELIVERY_PAGE_NORMALISERS } from '../../normalise/delivery/pages.ts';
import { readWatermark } from '../../normalise/delivery/watermarks.ts';
import { REVISIONS_STREAM } from '../workItems/reportingRevisions.ts';
import type { StreamContext, StreamResult, SyncStream } from '../../stream.ts';
import { chunks, getBody, pathWithQuery, requireDelivery, storePage } from './shared.ts';

export const INCIDENT_LINKS_STREAM = 'wit.incidentLinks';

/** "Gets work items for a list of work item ids (Maximum 200)" (Work Items - List). */
export const MAX_IDS_PER_REQUEST = 200;

/** The newest change read, and the items read at exactly that time (`changed_at >=` brings them back). */
export const incidentLinksWatermarkSchema = z.object({
  changedAt: z.number().int().nonnegative(),
  ids: z.array(z.number().int().positive()),
});
type IncidentLinksWatermark = z.output<typeof incidentLinksWatermarkSchema>;

/**
 * Explicit incident links, as a stage of its own: the reporting revisions the work-item streams read carry
 * no relations, so the relations of the incident work items (each project's incident rule) that changed
 * since the watermark are asked, up to 200 ids a request (`$expand=relations`; `errorPolicy=omit` leaves
 * out an item deleted meanwhile). Each answer is a raw page; the watermark moves only after all are stored.
 * A run in which no incident changed asks nothing.
 */
export async function collectIncidentLinks(context: StreamContext): Promise<StreamResult> {
  const { organization, connection, repository } = context;
  const delivery = requireDelivery(context, INCIDENT_LINKS_STREAM);
  const previous = readWatermark(
    INCIDENT_LINKS_STREAM,
    incidentLinksWatermarkSchema,
    await repository.getWatermark(organization, INCIDENT_LINKS_STREAM),
  );
  const alreadyRead = new Set(previous?.ids ?? []);
  const rules = new Map<string, IncidentRule>();
  const ruleOf = async (project: string): Promise<IncidentRule> => {
    let rule = rules.get(project);
    if (rule === undefined) {
      rule = context.incidentRule === undefined ? DEFAULT_INCIDENT_RULE : await context.incidentRule(project);
      rules.set(project, rule);
    }
    return rule;
  };
  // Only the incident rules' types are read: every project's rule, for the projects with work items.
  const types = new Set<string>();
  for (const project of await delivery.workItemProjects(organization)) {
    for (const type of (await ruleOf(project)).workItemTypes) types.add(type);
  }
  const incidents: { id: number; changedAt: number }[] = [];
  const candidates = await delivery.incidentCandidates(organization, [...types], previous?.changedAt);
  for (const candidate of candidates) {
    if (candidate.changedAt === previous?.changedAt && alreadyRead.has(candidate.workItemId)) continue;
    const item = { workItemType: candidate.workItemType, tags: candidate.tags };
    if (matchesIncidentRule(item, await ruleOf(candidate.project)))
      incidents.push({ id: candidate.workItemId, changedAt: candidate.changedAt });
  }
  if (incidents.length === 0) return { pages: 0, items: 0 };
  let pages = 0;
  for (const batch of chunks(incidents, MAX_IDS_PER_REQUEST)) {
    const url = pathWithQuery('_apis/wit/workitems', {
      ids: batch.map((incident) => incident.id).join(','),
      $expand: 'relations',
      errorPolicy: 'omit',
      'api-version': '7.1',
    });
    await storePage(
      delivery,
      organization,
      'wit.incidentRelations',
      { url, requestToken: null, responseToken: null },
      {},
      await getBody(connection, url),
      DELIVERY_PAGE_NORMALISERS['wit.incidentRelations'],
    );
    pages += 1;
    await context.progress.page(batch.length);
  }
  await repository.setWatermark(
    organization,
    INCIDENT_LINKS_STREAM,
    JSON.stringify(nextIncidentLinksWatermark(previous, incidents)),
  );
  return { pages, items: incidents.length };
}

/** The newest change read, with every item read at that time (so they are not asked again). */
export function nextIncidentLinksWatermark(
  previous: IncidentLinksWatermark | undefined,
  read: readonly { id: number; changedAt: number }[],
): IncidentLinksWatermark {
  const newest = Math.max(previous?.changedAt ?? 0, ...read.map((incident) => incident.changedAt));
  const atNewest = read.filter((incident) => incident.changedAt === newest).map((incident) => incident.id);
  const kept = previous?.changedAt === newest ? previous.ids : [];
  return { changedAt: newest, ids: [...new Set([...kept, ...atNewest])].sort((a, b) => a - b) };
}

export const incidentLinksStream: SyncStream = {
  name: INCIDENT_LINKS_STREAM,
  access: { scopes: ['vso.work'], feature: 'delivery' },
  needsDelivery: true,
  // The incidents are the work items the revisions stream stored.
  after: [REVISIONS_STREAM],
  run: collectIncidentLinks,
};
