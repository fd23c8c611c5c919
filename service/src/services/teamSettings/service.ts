/** Reads, saves and resets a team's flow settings (per organization, project and team). */
import type { TeamFlowSettings, TeamPath, TeamSettingsResponse } from '../../contract/index.ts';
import type { BoardColumnRecord, TeamScope } from '../../domain/records.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { StoredTeamSettings, TeamSettingsStore } from '../../storage/teamSettings.ts';
import { NotFoundError } from '../errors.ts';
import { pickTeamBoard } from '../flow/board.ts';
import { requireTeamScope } from '../flow/teamData.ts';
import type { ConnectedOrganization, OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings, encodeTeamSettings } from './codec.ts';
import type { SettingsOptions } from './validation.ts';
import { typeNames, validateTeamSettings } from './validation.ts';
import { effectiveHolidayCalendar } from '../../metrics/targets/workingCalendar.ts';

export interface TeamSettingsService {
  get(path: TeamPath): Promise<TeamSettingsResponse>;
  /** Validates against the synchronised workflow and board, then stores. */
  put(path: TeamPath, settings: TeamFlowSettings): Promise<TeamSettingsResponse>;
  /** Forgets the stored settings: the defaults apply again. */
  reset(path: TeamPath): Promise<TeamSettingsResponse>;
}

interface TeamContext {
  organization: ConnectedOrganization;
  key: { organization: string; project: string; team: string };
  scope: TeamScope;
  options: SettingsOptions;
  columns: readonly BoardColumnRecord[];
}

export function createTeamSettingsService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  store: TeamSettingsStore;
  now?: () => number;
}): TeamSettingsService {
  const { repository, organizations, store } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function team(path: TeamPath): Promise<TeamContext> {
    const organization = await organizations.find(path.organization);
    if (organization === undefined) {
      throw new NotFoundError(`Organization "${path.organization}" is not connected to this Seika service.`);
    }
    const key = { organization: organization.name, project: path.project, team: path.team };
    const scope = await requireTeamScope(repository, key);
    const [workflow, columns] = await Promise.all([
      repository.getWorkflow(key.organization, key.project),
      repository.getBoardColumns(key.organization, key.project, key.team),
    ]);
    const board = pickTeamBoard(columns, scope.backlogWorkItemTypes);
    return { organization, key, scope, columns, options: { workflow, board } };
  }

  function answer(context: TeamContext, stored: StoredTeamSettings | undefined): TeamSettingsResponse {
    const settings = decodeTeamSettings(stored);
    const { workflow, board } = context.options;
    const states = new Map<string, { name: string; category: string; workItemTypes: string[] }>();
    for (const [type, typeStates] of [...workflow].sort(([a], [b]) => a.localeCompare(b))) {
      for (const [name, category] of typeStates) {
        const entry = states.get(`${category}\u0000${name}`) ?? { name, category, workItemTypes: [] };
        entry.workItemTypes.push(type);
        states.set(`${category}\u0000${name}`, entry);
      }
    }
    return {
      organization: context.organization.name,
      project: context.key.project,
      team: context.key.team,
      settings,
      isDefault: stored === undefined,
      updatedAt: stored?.updatedAt ?? null,
      effectiveTimeZone: settings.timeZone ?? context.organization.timeZone,
      effectiveHolidayCalendar: effectiveHolidayCalendar(
        settings.holidayCalendar,
        settings.timeZone ?? context.organization.timeZone,
      ),
      options: {
        teamWorkItemTypes: [...context.scope.backlogWorkItemTypes],
        workItemTypes: typeNames(workflow),
        states: [...states.values()].sort(
          (a, b) => a.name.localeCompare(b.name) || a.category.localeCompare(b.category),
        ),
        board: board?.name ?? null,
        boardColumns: board?.columns ?? [],
      },
    };
  }

  return {
    async get(path) {
      const context = await team(path);
      const { organization, project, team: name } = context.key;
      return answer(context, await store.get(organization, project, name));
    },

    async put(path, settings) {
      const context = await team(path);
      // The board that counts is the one mapping the types the new settings measure.
      const board = pickTeamBoard(
        context.columns,
        settings.workItemTypes ?? context.scope.backlogWorkItemTypes,
      );
      validateTeamSettings(settings, { ...context.options, board });
      const { organization, project, team: name } = context.key;
      const previous = await store.get(organization, project, name);
      // ETags depend on updated_at: two saves within one millisecond must still differ.
      const at = Math.max(now(), previous === undefined ? 0 : Date.parse(previous.updatedAt) + 1);
      const stored = { settings: encodeTeamSettings(settings), updatedAt: new Date(at).toISOString() };
      await store.save(organization, project, name, stored);
      return answer(context, stored);
    },

    async reset(path) {
      const context = await team(path);
      const { organization, project, team: name } = context.key;
      await store.remove(organization, project, name);
      return answer(context, undefined);
    },
  };
}
