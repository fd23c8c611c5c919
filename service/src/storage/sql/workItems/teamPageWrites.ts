/** Team metadata pages (scope, iterations, board columns, working days, days off) and their rows. */
import type { TeamScope } from '../../../domain/records.ts';
import type { PageSource } from '../../repository.ts';
import { touchScopes } from '../dataVersions.ts';
import { rawPageIdFor } from '../rawPages.ts';
import type { SqlDatabase, SqlExecutor } from '../sqlDatabase.ts';

/** The team a page's rows belong to, and the page they were read from. */
export interface TeamPageKey {
  organization: string;
  project: string;
  team: string;
  rawPageId: number;
}

export interface TeamPage {
  organization: string;
  project: string;
  team: string;
  page: PageSource;
}

/** Stores the page, writes its rows and moves the team's data version, in one transaction. */
export function applyTeamPage(
  database: SqlDatabase,
  { organization, project, team, page }: TeamPage,
  write: (executor: SqlExecutor, key: TeamPageKey) => Promise<void>,
): Promise<number> {
  return database.transaction(async (executor) => {
    const rawPageId = await rawPageIdFor(executor, organization, page);
    await write(executor, { organization, project, team, rawPageId });
    await touchScopes(executor, organization, [{ kind: 'team', project, team }]);
    return rawPageId;
  });
}

/** The team's area (or other team field) values and backlog types; the team's name is kept as spelt. */
export async function upsertTeamScope(
  executor: SqlExecutor,
  key: TeamPageKey,
  scope: TeamScope,
): Promise<void> {
  await executor.run(
    `INSERT INTO team_scopes (organization, project, team, team_field, field_values, backlog_work_item_types, raw_page_id, display_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (organization, project, team) DO UPDATE SET team_field = excluded.team_field,
       field_values = excluded.field_values, backlog_work_item_types = excluded.backlog_work_item_types,
       raw_page_id = excluded.raw_page_id, display_name = excluded.display_name`,
    [
      key.organization,
      key.project,
      key.team.toLowerCase(),
      scope.field,
      JSON.stringify(scope.values),
      JSON.stringify(scope.backlogWorkItemTypes),
      key.rawPageId,
      key.team,
    ],
  );
}
