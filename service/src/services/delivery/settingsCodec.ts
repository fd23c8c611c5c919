/** Stored delivery settings ⇄ the contract's shape ⇄ the engine's production rule and the incident rule. */
import type { NameMatch, ProjectDeliverySettings, TeamDeliveryMapping } from '../../contract/index.ts';
import { projectDeliverySettingsSchema } from '../../contract/index.ts';
import type { ProductionRule } from '../../metrics/delivery/index.ts';
import type { IncidentRule } from '../../storage/delivery/repository.ts';
import type { StoredDeliverySettings } from '../../storage/delivery/settings.ts';

export const DEFAULT_DELIVERY_SETTINGS: ProjectDeliverySettings = projectDeliverySettingsSchema.parse({});

/**
 * The stored settings, or the defaults when none are stored. Rows were validated when saved; one that no
 * longer parses (a field retired since) falls back to the defaults rather than failing every answer.
 */
export function decodeDeliverySettings(stored: StoredDeliverySettings | undefined): ProjectDeliverySettings {
  if (stored === undefined) return DEFAULT_DELIVERY_SETTINGS;
  let value: unknown;
  try {
    value = JSON.parse(stored.settings);
  } catch {
    return DEFAULT_DELIVERY_SETTINGS;
  }
  const parsed = projectDeliverySettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_DELIVERY_SETTINGS;
}

export function encodeDeliverySettings(settings: ProjectDeliverySettings): string {
  return JSON.stringify(settings);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The engine matches case-insensitively, so a list of names becomes an anchored alternation. */
export function patternOf(match: NameMatch): string {
  return match.kind === 'pattern' ? match.pattern : `^(?:${match.names.map(escapeRegExp).join('|')})$`;
}

export function productionRuleOf(settings: ProjectDeliverySettings): ProductionRule {
  return {
    environmentNamePattern: patternOf(settings.production.environments),
    stageNamePattern: patternOf(settings.production.stages),
  };
}

export function incidentRuleOf(settings: ProjectDeliverySettings): IncidentRule {
  return { ...settings.incidents };
}

/** Team names compare case-insensitively, as in Azure DevOps. */
export function teamMappingOf(
  settings: ProjectDeliverySettings,
  team: string,
): TeamDeliveryMapping | undefined {
  const wanted = team.toLowerCase();
  return settings.teams.find((mapping) => mapping.team.toLowerCase() === wanted);
}
