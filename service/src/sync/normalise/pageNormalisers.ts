import { z } from 'zod';
import type { WorkItemRevisionRecord } from '../../domain/records.ts';
import type { PageSource, QuarantinedRecord, SeikaRepository } from '../../storage/repository.ts';
import { deriveColumnChanges } from './workItems/columnChanges.ts';
import type { DeliveryPageKind } from './delivery/pages.ts';
import { linksBatchSchema, toLinks } from './workItems/links.ts';
import { boardColumnsSchema, iterationsSchema, toBoardColumns, toIterations } from './workItems/boards.ts';
import {
  MalformedRevisionError,
  normaliseRevision,
  revisionKey,
  revisionsBatchSchema,
} from './workItems/revisions.ts';
import {
  backlogConfigurationSchema,
  processConfigurationSchema,
  teamFieldValuesSchema,
  teamScopeFrom,
  teamSettingsSchema,
  workflowFromBacklogConfiguration,
  workflowFromTypeStates,
  workItemTypeStatesSchema,
} from './workItems/teamMetadata.ts';
import { deriveTransitions } from './workItems/transitions.ts';

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

/** Metadata pages keep the request's context beside the response, so they can be re-read alone. */
export const teamScopeBodySchema = z.object({
  context: teamContext,
  teamFieldValues: teamFieldValuesSchema,
  teamSettings: teamSettingsSchema,
  backlogConfiguration: backlogConfigurationSchema,
  processConfiguration: processConfigurationSchema,
});
const backlogConfigurationBodySchema = z.object({
  context: teamContext,
  response: backlogConfigurationSchema,
});
const typeStatesBodySchema = z.object({
  context: z.object({ project: z.string(), workItemType: z.string() }),
  response: workItemTypeStatesSchema,
});
const iterationsBodySchema = z.object({ context: teamContext, response: iterationsSchema });
const boardColumnsBodySchema = z.object({
  context: teamContext.extend({ board: z.string() }),
  response: boardColumnsSchema,
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
    { transitions: deriveTransitions, columnChanges: deriveColumnChanges },
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
  'work.teamScope': (repository, organization, source, body) => {
    const page = teamScopeBodySchema.parse(body);
    const scope = teamScopeFrom(
      page.teamFieldValues,
      page.teamSettings,
      page.backlogConfiguration,
      page.processConfiguration,
    );
    return repository.applyTeamScopePage(
      organization,
      page.context.project,
      page.context.team,
      source,
      scope,
    );
  },
  'work.backlogConfiguration': (repository, organization, source, body) => {
    const page = backlogConfigurationBodySchema.parse(body);
    return repository.applyWorkflowPage(
      organization,
      page.context.project,
      source,
      workflowFromBacklogConfiguration(page.response),
    );
  },
  'wit.workItemTypeStates': (repository, organization, source, body) => {
    const page = typeStatesBodySchema.parse(body);
    return repository.applyWorkflowPage(
      organization,
      page.context.project,
      source,
      workflowFromTypeStates(page.context.workItemType, page.response),
    );
  },
  'work.iterations': (repository, organization, source, body) => {
    const page = iterationsBodySchema.parse(body);
    return repository.applyIterationsPage(
      organization,
      page.context.project,
      page.context.team,
      source,
      toIterations(page.response),
    );
  },
  'work.boardColumns': (repository, organization, source, body) => {
    const page = boardColumnsBodySchema.parse(body);
    return repository.applyBoardColumnsPage(
      organization,
      page.context.project,
      page.context.team,
      page.context.board,
      source,
      toBoardColumns(page.context.board, page.response),
    );
  },
};
