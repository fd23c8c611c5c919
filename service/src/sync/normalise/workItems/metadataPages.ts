import { z } from 'zod';
import type { PageSource, SeikaRepository } from '../../../storage/repository.ts';
import { parsePage } from '../delivery/parse.ts';
import { sortRecords, sortSingleRecord, withQuarantine } from '../quarantine.ts';
import { boardColumnsSchema, iterationsSchema, toBoardColumns, toIterations } from './boards.ts';
import {
  backlogConfigurationSchema,
  processConfigurationSchema,
  teamFieldValuesSchema,
  teamScopeFrom,
  teamSettingsSchema,
  workflowFromBacklogConfiguration,
  workflowFromTypeStates,
  workItemTypeStatesSchema,
} from './teamMetadata.ts';

/**
 * Team metadata pages with quarantine. A page that is one record (a team's settings and scope, its
 * backlog configuration) applies whole or is quarantined whole: the team's earlier rows stay, and the
 * other teams' pages are not held back. A page that lists records (iterations, board columns, a type's
 * states) quarantines the records it cannot read and applies the others. Either way the page is stored.
 */

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

/** A listed response beside its context: the records are read one by one. */
const listBody = <C extends z.ZodType>(context: C) => z.object({ context, response: z.array(z.unknown()) });

/** What a metadata page is about, e.g. `team Fabrikam/Web`, as the quarantined record's key. */
function contextKey(body: unknown): string {
  const context: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'context') : undefined;
  if (typeof context !== 'object' || context === null) return 'page';
  const parts = ['project', 'team', 'board', 'workItemType']
    .map((field): unknown => Reflect.get(context, field))
    .filter((value): value is string => typeof value === 'string');
  return parts.length === 0 ? 'page' : `team ${parts.join('/')}`;
}

async function applySingle<S extends z.ZodType>(
  repository: SeikaRepository,
  organization: string,
  kind: string,
  source: PageSource,
  body: unknown,
  schema: S,
  apply: (page: z.output<S>, source: PageSource) => Promise<number>,
): Promise<number> {
  const { record, quarantined } = sortSingleRecord(body, schema, contextKey(body));
  const withRecords = withQuarantine(source, kind, quarantined);
  return record === undefined
    ? repository.applyQuarantinedPage(organization, withRecords)
    : apply(record, withRecords);
}

export function applyTeamScopeBody(
  repository: SeikaRepository,
  organization: string,
  source: PageSource,
  body: unknown,
): Promise<number> {
  return applySingle(
    repository,
    organization,
    'work.teamScope',
    source,
    body,
    teamScopeBodySchema,
    async (page, from) => {
      const scope = teamScopeFrom(
        page.teamFieldValues,
        page.teamSettings,
        page.backlogConfiguration,
        page.processConfiguration,
      );
      const { project, team } = page.context;
      const rawPageId = await repository.applyTeamScopePage(organization, project, team, from, scope);
      const { workingDays } = page.teamSettings;
      // The same page carries the team's working days; pages stored before Seika read them have none.
      if (workingDays !== undefined) {
        await repository.applyTeamWorkingDays(organization, project, team, { storedPageId: rawPageId }, [
          ...new Set(workingDays),
        ]);
      }
      return rawPageId;
    },
  );
}

export function applyBacklogConfigurationBody(
  repository: SeikaRepository,
  organization: string,
  source: PageSource,
  body: unknown,
): Promise<number> {
  const kind = 'work.backlogConfiguration';
  return applySingle(
    repository,
    organization,
    kind,
    source,
    body,
    backlogConfigurationBodySchema,
    (page, from) =>
      repository.applyWorkflowPage(
        organization,
        page.context.project,
        from,
        workflowFromBacklogConfiguration(page.response),
      ),
  );
}

export function applyTypeStatesBody(
  repository: SeikaRepository,
  organization: string,
  source: PageSource,
  body: unknown,
): Promise<number> {
  const kind = 'wit.workItemTypeStates';
  const context = z.object({ project: z.string(), workItemType: z.string() });
  const page = parsePage(kind, listBody(context), body);
  const { records, quarantined } = sortRecords(
    page.response,
    workItemTypeStatesSchema.element,
    (state) => state,
  );
  return repository.applyWorkflowPage(
    organization,
    page.context.project,
    withQuarantine(source, kind, quarantined),
    workflowFromTypeStates(page.context.workItemType, records),
  );
}

export function applyIterationsBody(
  repository: SeikaRepository,
  organization: string,
  source: PageSource,
  body: unknown,
): Promise<number> {
  const kind = 'work.iterations';
  const page = parsePage(kind, listBody(teamContext), body);
  const { records, quarantined } = sortRecords(
    page.response,
    iterationsSchema.element,
    (iteration) => iteration,
  );
  return repository.applyIterationsPage(
    organization,
    page.context.project,
    page.context.team,
    withQuarantine(source, kind, quarantined),
    toIterations(records),
  );
}

export function applyBoardColumnsBody(
  repository: SeikaRepository,
  organization: string,
  source: PageSource,
  body: unknown,
): Promise<number> {
  const kind = 'work.boardColumns';
  const page = parsePage(kind, listBody(teamContext.extend({ board: z.string() })), body);
  const { board } = page.context;
  // Columns keep their place on the board even when one before them is quarantined.
  const { records, quarantined } = sortRecords(
    page.response,
    boardColumnsSchema.element,
    (column, position) => toBoardColumns(board, [column]).map((row) => ({ ...row, position })),
  );
  return repository.applyBoardColumnsPage(
    organization,
    page.context.project,
    page.context.team,
    board,
    withQuarantine(source, kind, quarantined),
    records.flat(),
  );
}
