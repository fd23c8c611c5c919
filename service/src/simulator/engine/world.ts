import type { OrganizationModel } from '../model/organization.ts';
import type { DeliveryContext } from '../delivery/context.ts';
import type { DeliveryWorkItems } from '../delivery/workItemPort.ts';
import type { ActivityIndex } from './activityIndex.ts';
import type { EventBus } from './events.ts';
import type { Scheduler } from './scheduler.ts';
import type { WorkItemWriter } from './writer.ts';

/** The generated organization and the processes that keep it living when the clock moves. */
export interface World {
  readonly model: OrganizationModel;
  readonly scheduler: Scheduler;
  readonly events: EventBus;
  readonly writer: WorkItemWriter;
  readonly delivery: DeliveryContext;
  readonly port: DeliveryWorkItems;
  readonly activity: ActivityIndex;
}
