import type { SimulatedClock } from './clock.ts';
import type { OrganizationModel } from './model/organization.ts';

/** The live state one simulator serves; routes read it, the control endpoint and the clock change it. */
export interface SimulatorRuntime {
  readonly model: OrganizationModel;
  readonly clock: SimulatedClock;
  /** Default page size of reporting revisions. */
  readonly pageSize: number;
}
