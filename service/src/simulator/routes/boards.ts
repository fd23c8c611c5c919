import { list, ok } from '../http.ts';
import { errors } from '../errors.ts';
import type { BoardModel, ColumnModel, ProjectModel, TeamModel } from '../model/organization.ts';
import type { Route } from './route.ts';
import { projectUrl, teamApiUrl, teamUrl } from './links.ts';
import { scopeOf } from './work.ts';

function findBoard(team: TeamModel, nameOrId: string): BoardModel {
  const wanted = nameOrId.toLowerCase();
  const board = team.boards.find(
    (candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted,
  );
  if (!board)
    throw errors.notFound(
      'BoardDoesNotExistException',
      `TF400499: The board '${nameOrId}' does not exist.`,
      'Microsoft.TeamFoundation.Agile.Server',
    );
  return board;
}

/** First and last columns carry no isSplit or description, as in the service's payload. */
export function columnPayload(column: ColumnModel): Record<string, unknown> {
  const base = {
    id: column.id,
    name: column.name,
    itemLimit: column.itemLimit,
    stateMappings: column.stateMappings,
  };
  return column.columnType === 'inProgress'
    ? { ...base, isSplit: column.isSplit, description: column.description, columnType: column.columnType }
    : { ...base, columnType: column.columnType };
}

function boardUrl(
  organizationUrl: string,
  project: ProjectModel,
  team: TeamModel,
  board: BoardModel,
): string {
  return teamApiUrl(organizationUrl, project, team, `boards/${board.id}`);
}

export const boardRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/boards',
    location: 'boards',
    handle: ({ organizationUrl }, params) => {
      const { project, team } = scopeOf(params);
      return list(
        team.boards.map((board) => ({
          id: board.id,
          url: boardUrl(organizationUrl, project, team, board),
          name: board.name,
        })),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/boards/:board',
    location: 'boards',
    handle: ({ organizationUrl }, params) => {
      const { project, team } = scopeOf(params);
      const board = findBoard(team, params.values.board ?? '');
      const url = boardUrl(organizationUrl, project, team, board);
      const wef = `WEF_${board.extensionId}_Kanban`;
      return ok({
        id: board.id,
        url,
        name: board.name,
        revision: 1,
        columns: board.columns.map(columnPayload),
        rows: [{ id: '00000000-0000-0000-0000-000000000000', name: null }],
        isValid: true,
        allowedMappings: {},
        canEdit: true,
        fields: {
          columnField: {
            referenceName: `${wef}.Column`,
            url: `${organizationUrl}/_apis/wit/fields/${wef}.Column`,
          },
          rowField: { referenceName: `${wef}.Lane`, url: `${organizationUrl}/_apis/wit/fields/${wef}.Lane` },
          doneField: {
            referenceName: `${wef}.Column.Done`,
            url: `${organizationUrl}/_apis/wit/fields/${wef}.Column.Done`,
          },
        },
        _links: {
          self: { href: url },
          project: { href: projectUrl(organizationUrl, project) },
          team: { href: teamUrl(organizationUrl, project, team) },
          columns: { href: `${url}/columns` },
          rows: { href: `${url}/rows` },
          charts: { href: `${url}/charts` },
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/boards/:board/columns',
    location: 'boardColumns',
    handle: (_context, params) => {
      const { team } = scopeOf(params);
      return list(findBoard(team, params.values.board ?? '').columns.map(columnPayload));
    },
  },
];
