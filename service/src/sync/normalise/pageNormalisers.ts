import { z } from 'zod';
import type { WorkItemRevisionRecord } from '../../domain/records.ts';
import type { PageSource, QuarantinedRecord, SeikaRepository } from '../../storage/repository.ts';
import { deriveColumnChanges } from './workItems/columnChanges.ts';
import { deriveIterationChanges } from './workItems/iterationChanges.ts';
import type { DeliveryPageKind } from './delivery/pages.ts';
import { linksBatchSchema, toLinks } from './workItems/links.ts';
import {
  applyBacklogConfigurationBody,
  applyBoardColumnsBody,
  applyIterationsBody,
  applyTeamScopeBody,
  applyTypeStatesBody,
} from './workItems/metadataPages.ts';
import {
  MalformedRevisionError,
  normaliseRevision,
  revisionKey,
  revisionsBatchSchema,
} from './workItems/revisions.ts';
import { daysOffFrom, teamDaysOffSchema } from './workItems/teamMetadata.ts';
import { deriveTransitions } from './workItems/transitions.ts';
import { sortSingleRecord, withQuarantine } from './quarantine.ts';

/**
 * Every kind of raw page Seika stores, each with the one function that turns it into normalised rows.
 * The live sync and `resync --from-raw` both go through these, so a mapping fix needs no re-download.
 */
export const PAGE_KINDS = [
  'wit.reporting.revisions',
  'work.teamScope',
  'work.backlogConfiguration',
  'wit.workItemTypeStates',
  'work.iterations',
  'work.boardColumns',
  'wit.reporting.links',
  'work.teamDaysOff',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export function isPageKind(value: string): value is PageKind {
  return (PAGE_KINDS as readonly string[]).includes(value);
}

/** Delivery pages normalise into the delivery store (see delivery/pages.ts); re-exported for one import. */
export { DELIVERY_PAGE_KINDS, DELIVERY_PAGE_NORMALISERS, isDeliveryPageKind } from './delivery/pages.ts';
export type AnyPageKind = PageKind | DeliveryPageKind;

type Normaliser = (
  repository: SeikaRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) => Promise<number>;

const teamContext = z.object({ project: z.string(), team: z.string() });
const teamDaysOffBodySchema = z.object({
  context: teamContext.extend({ iterationId: z.string() }),
  response: teamDaysOffSchema,
});

/** Normalises and stores one reporting-revisions batch; returns the revisions for progress figures. */
export async function applyRevisionsBatch(
  repository: SeikaRepository,
  organization: string,
  source: PageSource,
  body: unknown,
): Promise<{ rawPageId: number; revisions: WorkItemRevisionRecord[]; quarantined: number }> {
  const batch = revisionsBatchSchema.parse(body);
  // One malformed revision must not hold back the page: it goes to quarantine, the rest applies.
  const revisions: WorkItemRevisionRecord[] = [];
  const quarantined: QuarantinedRecord[] = [];
  for (const [position, value] of batch.values.entries()) {
    try {
      revisions.push(normaliseRevision(value, position));
    } catch (error) {
      if (!(error instanceof MalformedRevisionError)) throw error;
      quarantined.push({ position, itemKey: revisionKey(value), item: value, reason: error.message });
    }
  }
  const rawPageId = await repository.applyRevisionPage(
    organization,
    source,
    revisions,
    {
      transitions: deriveTransitions,
      columnChanges: deriveColumnChanges,
      iterationChanges: deriveIterationChanges,
    },
    quarantined,
  );
  return { rawPageId, revisions, quarantined: quarantined.length };
}

export const PAGE_NORMALISERS: Record<PageKind, Normaliser> = {
  'wit.reporting.links': (repository, organization, source, body) => {
    const { links, malformed } = toLinks(linksBatchSchema.parse(body));
    return repository.applyLinksPage(organization, source, links, malformed);
  },
  'wit.reporting.revisions': async (repository, organization, source, body) =>
    (await applyRevisionsBatch(repository, organization, source, body)).rawPageId,
  'work.teamScope': applyTeamScopeBody,
  'work.teamDaysOff': (repository, organization, source, body) => {
    // One team's days off in one sprint: read whole or quarantined whole (the team's earlier rows stay).
    const kind = 'work.teamDaysOff';
    const context = teamDaysOffBodySchema.shape.context.safeParse(
      typeof body === 'object' && body !== null ? Reflect.get(body, 'context') : undefined,
    );
    const key = context.success
      ? `team ${context.data.project}/${context.data.team}/${context.data.iterationId}`
      : 'page';
    const { record: page, quarantined } = sortSingleRecord(body, teamDaysOffBodySchema, key);
    const withRecords = withQuarantine(source, kind, quarantined);
    if (page === undefined) return repository.applyQuarantinedPage(organization, withRecords);
    return repository.applyTeamDaysOffPage(
      organization,
      page.context.project,
      page.context.team,
      page.context.iterationId,
      withRecords,
      daysOffFrom(page.response),
    );
  },
  'work.backlogConfiguration': applyBacklogConfigurationBody,
  'wit.workItemTypeStates': applyTypeStatesBody,
  'work.iterations': applyIterationsBody,
  'work.boardColumns': applyBoardColumnsBody,
};
