import type { SimulatedClock } from './clock.ts';
import type { OrganizationModel } from './model/organization.ts';
import type { HookService } from './hooks/service.ts';
import type { World } from './engine/world.ts';
import { ensureSprints } from './model/iterations.ts';

/** The live state one simulator serves; routes read it, the control endpoint and the clock change it. */
export interface SimulatorRuntime {
  readonly model: OrganizationModel;
  readonly world: World;
  readonly clock: SimulatedClock;
  readonly hooks: HookService;
  /** Default page size of reporting revisions. */
  readonly pageSize: number;
}

/**
 * Moves the simulated clock to `time`: sprints are planned ahead, then every scheduled change of the
 * living organization up to `time` happens (and is published to service hooks).
 */
export function advanceTo(runtime: SimulatorRuntime, time: number): void {
  if (time <= runtime.clock.now()) return;
  for (const project of runtime.model.projects) ensureSprints(runtime.model.seed, project, time);
  runtime.world.scheduler.runUntil(time);
  runtime.clock.moveTo(time);
}
