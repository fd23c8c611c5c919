/** Stored team settings ⇄ the contract's shape ⇄ the metric engine's TeamFlowConfig. */
import type { TeamFlowSettings } from '../../contract/index.ts';
import { teamFlowSettingsSchema } from '../../contract/index.ts';
import type { TeamFlowConfig } from '../../metrics/index.ts';
import { parseTeamFlowConfig } from '../../metrics/index.ts';
import type { StoredTeamSettings } from '../../storage/teamSettings.ts';
import { parseStoredJson } from '../storedJson.ts';

export const DEFAULT_TEAM_SETTINGS: TeamFlowSettings = teamFlowSettingsSchema.parse({});

/**
 * The stored settings, or the defaults when none are stored. Rows were validated when saved; one that no
 * longer parses (a field retired since) falls back to the defaults rather than failing every answer.
 */
export function decodeTeamSettings(stored: StoredTeamSettings | undefined): TeamFlowSettings {
  if (stored === undefined) return DEFAULT_TEAM_SETTINGS;
  return parseStoredJson(teamFlowSettingsSchema, stored.settings) ?? DEFAULT_TEAM_SETTINGS;
}

export function encodeTeamSettings(settings: TeamFlowSettings): string {
  return JSON.stringify(settings);
}

/** The engine's configuration for one request: the zone and percentile lines in effect replace the team's. */
export function flowConfigOf(
  settings: TeamFlowSettings,
  timeZone: string,
  percentiles: readonly number[] | undefined,
): TeamFlowConfig {
  return parseTeamFlowConfig({
    ...settings,
    timeZone,
    percentiles: [...new Set(percentiles ?? settings.percentiles)].sort((a, b) => a - b),
  });
}
