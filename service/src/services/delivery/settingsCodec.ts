/** Stored delivery settings ⇄ the contract's shape ⇄ the engine's production rule and the incident rule. */
import { z } from 'zod';
import type {
  DeliveryPending,
  NameMatch,
  ProjectDeliverySettings,
  TeamDeliveryMapping,
} from '../../contract/index.ts';
import { deliveryPendingSchema, projectDeliverySettingsSchema } from '../../contract/index.ts';
import type { ProductionRule } from '../../metrics/delivery/index.ts';
import type { IncidentRule } from '../../storage/delivery/repository.ts';
import type { StoredDeliverySettings } from '../../storage/delivery/settings.ts';
import { parseStoredJson } from '../storedJson.ts';

export const DEFAULT_DELIVERY_SETTINGS: ProjectDeliverySettings = projectDeliverySettingsSchema.parse({});

/**
 * The stored settings, or the defaults when none are stored. Rows were validated when saved; one that no
 * longer parses (a field retired since) falls back to the defaults rather than failing every answer.
 */
export function decodeDeliverySettings(stored: StoredDeliverySettings | undefined): ProjectDeliverySettings {
  if (stored === undefined) return DEFAULT_DELIVERY_SETTINGS;
  return parseStoredJson(projectDeliverySettingsSchema, stored.settings) ?? DEFAULT_DELIVERY_SETTINGS;
}

/**
 * A pending recomputation is kept in the stored JSON beside the settings: the settings schema ignores the
 * extra key, so rows written before it existed, and readers that do not ask, are unaffected.
 */
const storedRecomputeSchema = z.object({ recompute: deliveryPendingSchema });

/**
 * A reset that changes the mark cannot delete the row: the change's time must outlive it until the
 * recomputation has run. Such a row holds the defaults and says so, and answers call them the defaults.
 */
const storedResetSchema = z.object({ resetToDefaults: z.literal(true) });

export function encodeDeliverySettings(
  settings: ProjectDeliverySettings,
  recompute?: DeliveryPending | undefined,
  options: { resetToDefaults?: boolean } = {},
): string {
  return JSON.stringify({
    ...settings,
    ...(recompute === undefined ? {} : { recompute }),
    ...(options.resetToDefaults === true ? { resetToDefaults: true } : {}),
  });
}

/** Whether the stored row only keeps a reset's pending recomputation (the settings are the defaults). */
export function isResetToDefaults(stored: StoredDeliverySettings | undefined): boolean {
  if (stored === undefined) return true;
  return parseStoredJson(storedResetSchema, stored.settings) !== undefined;
}

/** The last production-mark change of the stored settings, if any (settled or not: see recompute.ts). */
export function recomputeMarkOf(stored: StoredDeliverySettings | undefined): DeliveryPending | undefined {
  if (stored === undefined) return undefined;
  return parseStoredJson(storedRecomputeSchema, stored.settings)?.recompute;
}

/** Whether two production rules mark the same names (compared as the engine applies them). */
export function sameProductionRule(a: ProductionRule, b: ProductionRule): boolean {
  return a.environmentNamePattern === b.environmentNamePattern && a.stageNamePattern === b.stageNamePattern;
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
