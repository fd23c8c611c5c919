import type { Random } from '../model/random.ts';

/** A new work item the delivery side files (incidents). */
export interface WorkItemSpec {
  readonly projectIndex: number;
  readonly type: string;
  readonly title: string;
  readonly area: string;
  readonly tags: readonly string[];
  readonly priority: number;
  /** Identity index of the author. */
  readonly by: number;
}

/**
 * How delivery reaches work items: to reference one in a change, and to file and move incidents.
 * The history of the tiny and demo organizations buffers these writes (they are merged into the
 * first simulator's revisions); the living organization applies them at once.
 */
export interface WorkItemPort {
  /** A work item of the repository's team in progress around `at` for a change to reference, 0 if none. */
  pickForChange(repository: number, at: number, random: Random): number;
  create(at: number, spec: WorkItemSpec): number;
  /** Moves an item to a state (by name); ignored when the item no longer exists. */
  moveTo(at: number, id: number, state: string, by: number): void;
}
