import type { DeliveryInput } from '../../../metrics/delivery/prepare.ts';
import { linkChangesToBuilds } from '../../../metrics/delivery/linkage.ts';
import type { ProductionRules } from '../../../metrics/delivery/production.ts';
import type { DeliveryRecords } from '../../../storage/delivery/repository.ts';

/** The delivery engine's input from stored records: changes are linked to builds here, once. */
export function deliveryInputFrom(
  records: DeliveryRecords,
  options: { timeZone: string; production?: ProductionRules },
): DeliveryInput {
  return {
    deployments: records.deployments,
    changes: records.changes,
    links: linkChangesToBuilds({
      deployments: records.deployments,
      changes: records.changes,
      buildCommits: records.buildCommits,
    }),
    incidents: records.incidents,
    bugWorkItemIds: records.bugWorkItemIds,
    timeZone: options.timeZone,
    ...(options.production === undefined ? {} : { production: options.production }),
  };
}
