import type {
  NameMatch,
  ProjectDeliverySettings,
  ProjectDeliverySettingsInput,
} from '../../../../../service/src/contract/delivery/settings.ts';

/** The delivery settings form as text fields, and back (lists are comma-separated). */
export interface TeamMappingDraft {
  team: string;
  pipelines: string;
  releases: string;
  repositories: string;
}

export interface SettingsDraft {
  environments: string;
  stages: string;
  incidentTypes: string;
  incidentTag: string;
  teams: TeamMappingDraft[];
}

export type DraftField = 'environments' | 'stages' | 'incidentTypes' | 'pipelines';

function ruleText(match: NameMatch): string {
  // A list of exact names is shown as the equivalent anchored pattern, so one field edits both forms.
  return match.kind === 'pattern'
    ? match.pattern
    : `^(${match.names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function draftOf(settings: ProjectDeliverySettings): SettingsDraft {
  return {
    environments: ruleText(settings.production.environments),
    stages: ruleText(settings.production.stages),
    incidentTypes: settings.incidents.workItemTypes.join(', '),
    incidentTag: settings.incidents.tag ?? '',
    teams: settings.teams.map((mapping) => ({
      team: mapping.team,
      pipelines: mapping.buildDefinitionIds.join(', '),
      releases: mapping.releaseDefinitionIds.join(', '),
      repositories: mapping.repositories.join(', '),
    })),
  };
}

function validPattern(pattern: string): boolean {
  if (pattern.trim().length === 0) return false;
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/** The fields the service would refuse, checked before sending (the service checks again). */
export function draftProblems(draft: SettingsDraft): DraftField[] {
  const problems: DraftField[] = [];
  if (!validPattern(draft.environments)) problems.push('environments');
  if (!validPattern(draft.stages)) problems.push('stages');
  if (splitList(draft.incidentTypes).length === 0) problems.push('incidentTypes');
  const ids = draft.teams.flatMap((mapping) => [
    ...splitList(mapping.pipelines),
    ...splitList(mapping.releases),
  ]);
  if (ids.some((id) => !/^[1-9]\d*$/.test(id))) problems.push('pipelines');
  return problems;
}

/** The PUT body: the edited fields over the settings in effect (fields the form does not show are kept). */
export function inputOf(
  draft: SettingsDraft,
  current: ProjectDeliverySettings,
): ProjectDeliverySettingsInput {
  const tag = draft.incidentTag.trim();
  return {
    ...current,
    production: {
      environments: { kind: 'pattern', pattern: draft.environments },
      stages: { kind: 'pattern', pattern: draft.stages },
    },
    incidents: {
      ...current.incidents,
      workItemTypes: splitList(draft.incidentTypes),
      tag: tag.length === 0 ? null : tag,
    },
    teams: draft.teams
      .filter((mapping) => mapping.team.trim().length > 0)
      .map((mapping) => ({
        team: mapping.team.trim(),
        buildDefinitionIds: splitList(mapping.pipelines).map(Number),
        releaseDefinitionIds: splitList(mapping.releases).map(Number),
        repositories: splitList(mapping.repositories),
      })),
  };
}

/** The body of a preview of the draft's production mark, or null while a pattern is not valid yet. */
export function previewInputOf(
  draft: Pick<SettingsDraft, 'environments' | 'stages'>,
): ProjectDeliverySettingsInput | null {
  if (!validPattern(draft.environments) || !validPattern(draft.stages)) return null;
  return {
    production: {
      environments: { kind: 'pattern', pattern: draft.environments },
      stages: { kind: 'pattern', pattern: draft.stages },
    },
  };
}
