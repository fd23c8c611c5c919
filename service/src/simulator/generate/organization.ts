import type { Scale } from '../model/organization.ts';
import type { World } from '../engine/world.ts';
import { generateLegacyOrganization } from './legacyOrganization.ts';
import { startLegacyLife } from '../life/legacyLife.ts';
import { generateLargeOrganization } from './largeOrganization.ts';
import type { GitHistory } from '../delivery/gitHistory.ts';

export interface GenerateOptions {
  readonly seed: number;
  readonly scale: Scale;
  readonly now: Date;
  /** Share of the large organization to generate (tests use a fraction). */
  readonly largeFactor?: number;
  /** Git histories of the tiny, demo and small organizations; linear by default (see gitHistory.ts). */
  readonly gitHistory?: GitHistory;
}

/**
 * Builds the whole organization deterministically from (seed, scale, now), with the processes that
 * keep it living scheduled after `now` (they run when the clock moves).
 */
export function generateOrganization(options: GenerateOptions): World {
  if (options.scale === 'large')
    return generateLargeOrganization(options.seed, options.now, options.largeFactor ?? 1);
  const world = generateLegacyOrganization(options.seed, options.scale, options.now, options.gitHistory);
  startLegacyLife(world, options.scale);
  return world;
}
