import type { DeliveryInput } from '../../../metrics/delivery/prepare.ts';
import { carryAcrossBranches } from '../../../metrics/delivery/acrossBranches.ts';
import { linkChangesToBuildTable } from '../../../metrics/delivery/linkage.ts';
import { LinkTable } from '../../../metrics/delivery/linkTable.ts';
import type { ProductionRules } from '../../../metrics/delivery/production.ts';
import { indexShas } from '../../../metrics/delivery/shaIndex.ts';
import type { LinkedDeliveryInput } from '../../../storage/delivery/linkedInput.ts';
import type { DeliveryRecords } from '../../../storage/delivery/repository.ts';

/** The delivery engine's input from stored records: changes are linked to builds here, once. */
export function deliveryInputFrom(
  records: DeliveryRecords,
  options: { timeZone: string; production?: ProductionRules },
): DeliveryInput {
  // One SHA index serves both steps (it is the largest join of the first view).
  const shas = indexShas(records.changes);
  const linked = linkChangesToBuildTable(
    { deployments: records.deployments, changes: records.changes, buildCommits: records.buildCommits },
    shas,
  );
  // Work that reached the deployed branch through another branch is carried by what brought it there.
  const { changes, links } = carryAcrossBranches(records.changes, linked, shas);
  return {
    deployments: records.deployments,
    changes,
    links,
    incidents: records.incidents,
    bugWorkItemIds: records.bugWorkItemIds,
    timeZone: options.timeZone,
    ...(options.production === undefined ? {} : { production: options.production }),
  };
}

/**
 * The engine's input from a project's stored linked input (linkedInputs.ts) and what each view reads
 * itself (incidents and bugs follow work items and the incident rule, not delivery rows).
 */
export function deliveryInputFromLinked(
  linked: LinkedDeliveryInput,
  live: Pick<DeliveryRecords, 'incidents' | 'bugWorkItemIds'>,
  options: { timeZone: string; production?: ProductionRules },
): DeliveryInput {
  const { buildIds, changeIndices, evidence } = linked.links;
  return {
    deployments: linked.deployments,
    changes: linked.changes,
    links: new LinkTable(linked.changes, buildIds, changeIndices, evidence),
    incidents: live.incidents,
    bugWorkItemIds: live.bugWorkItemIds,
    timeZone: options.timeZone,
    ...(options.production === undefined ? {} : { production: options.production }),
  };
}
