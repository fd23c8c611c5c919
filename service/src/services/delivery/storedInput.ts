/**
 * A project's view from the linked input the sync stored (storage/delivery/linkedInput.ts) while it is
 * current: one row instead of every deployment, commit and build/changes answer, and no linking. Teams
 * link their own share of the records (scope.ts), and a project whose stored input is stale or missing
 * (a write after the last run, a store nothing synced) reads and links its records as before.
 */
import type { ProjectDeliverySettings } from '../../contract/index.ts';
import { productionRowSelector, type ProductionRule } from '../../metrics/delivery/index.ts';
import type { DeliveryRepository, IncidentRule } from '../../storage/delivery/repository.ts';
import { deliveryInputFromLinked } from '../../sync/normalise/delivery/input.ts';
import type { ConnectedOrganization } from '../organizationDirectory.ts';
import type { ScopedInput } from './scope.ts';

/** The view asking: whose project, under which delivery settings and rules. */
export interface StoredInputRequest {
  organization: Pick<ConnectedOrganization, 'name' | 'timeZone'>;
  project: string;
  settings: Pick<ProjectDeliverySettings, 'bugWorkItemTypes'>;
  productionRule: ProductionRule;
  incidentRule: IncidentRule;
}

export async function storedProjectInput(
  delivery: DeliveryRepository,
  request: StoredInputRequest,
): Promise<ScopedInput | undefined> {
  const { organization, project } = request;
  const rules = { default: request.productionRule };
  // Only the production deployments are made into records: the view reads no other (prepare.ts selects
  // them again, to the same ones), and a project deploys to other targets as often or more.
  // Incidents and bugs follow work items and the incident rule: read as every view reads them. The three
  // reads overlap on PostgreSQL; the rare stale input (a write since the last run) wastes the other two.
  const [linked, incidents, bugWorkItemIds] = await Promise.all([
    delivery.readLinkedInput(organization.name, project, productionRowSelector(rules)),
    delivery.listIncidents(organization.name, [project], request.incidentRule),
    delivery.listBugWorkItemIds(organization.name, [project], request.settings.bugWorkItemTypes),
  ]);
  if (linked === undefined) return undefined;
  // As scope.ts makes a project's input: the organization's zone (each view sets its own) and the mark.
  const input = deliveryInputFromLinked(
    linked,
    { incidents, bugWorkItemIds },
    { timeZone: organization.timeZone, production: rules },
  );
  return { input, attributionVia: undefined, ownsRecords: true };
}
