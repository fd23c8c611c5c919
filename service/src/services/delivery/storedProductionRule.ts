import type { ProductionRule } from '../../metrics/delivery/index.ts';
import type { DeliverySettingsStore } from '../../storage/delivery/settings.ts';
import type { IncidentRule } from '../../storage/delivery/repository.ts';
import { decodeDeliverySettings, incidentRuleOf, productionRuleOf } from './settingsCodec.ts';

/** What a project's saved delivery settings mark as production (the defaults when none are saved). */
export type ProductionRuleSource = (organization: string, project: string) => Promise<ProductionRule>;

/** Sync asks the same question the delivery API answers from, so both agree on what production is. */
export function storedProductionRule(store: DeliverySettingsStore): ProductionRuleSource {
  return async (organization, project) =>
    productionRuleOf(decodeDeliverySettings(await store.get(organization, project)));
}

/** Which work items a project counts as incidents (the defaults when none are saved), for the links stage. */
export function storedIncidentRule(
  store: DeliverySettingsStore,
): (organization: string, project: string) => Promise<IncidentRule> {
  return async (organization, project) =>
    incidentRuleOf(decodeDeliverySettings(await store.get(organization, project)));
}
