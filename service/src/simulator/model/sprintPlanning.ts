/**
 * How the simulated teams plan their sprints, decided from the simulator's UTC days (the days the sprints'
 * dates are served in), with no random draw so the rest of the data stays as it was. The tiny and demo
 * organizations' first simulator's items:
 *
 * - Planning ahead: work written from the third day of a sprint on, through its last working day (its
 *   finishDate) and the weekend after it, goes into the next sprint, so it is in that sprint's baseline
 *   when it starts. Work written in a sprint's first two days may still join the running sprint: the
 *   real, smaller share of mid-sprint additions.
 * - Carry-over: an item still unfinished when its sprint ended is moved, by its next change, to the sprint
 *   then open (a change in the weekend before a sprint moves it there before it starts). Azure DevOps
 *   teams move unfinished work at the sprint's end; the first simulator's items keep their revisions
 *   (golden test), so the move rides on the item's next revision instead of one of its own.
 *
 * The work item engine (new work once the clock moves, the large organization) keeps its own planning step,
 * just before an item is started (`sprintTakingWorkAt`), and carries unfinished work over the same way.
 */
import type { IterationModel } from './organization.ts';

const DAY = 86_400_000;

/** Work written in a sprint's first days may still be added to it; later work is planned ahead. */
export const ADDING_DAYS = 2;

/** The first sprint whose last day (its finishDate) is not over at `at`: the running one, or the next one in the gap. */
export function openSprintAt(iterations: readonly IterationModel[], at: number): IterationModel | undefined {
  return iterations.find((iteration) => at < iteration.finishDate.getTime() + DAY);
}

/**
 * The sprint work pulled in at `at` (the work item engine's planning step, just before it is started) joins:
 * the running one until its last working day; from then, through the weekend after it, the next one.
 * Undefined beyond the calendar (the work stays on the backlog).
 */
export function sprintTakingWorkAt(
  iterations: readonly IterationModel[],
  at: number,
): IterationModel | undefined {
  const open = openSprintAt(iterations, at);
  if (open === undefined || at < open.finishDate.getTime()) return open;
  return iterations[iterations.indexOf(open) + 1] ?? open;
}

/** The sprint work written at `at` is planned into (the last sprint beyond the calendar, else `fallback`). */
export function plannedIterationFor(
  iterations: readonly IterationModel[],
  at: Date,
  fallback: string,
): string {
  const time = at.getTime();
  const open = openSprintAt(iterations, time);
  if (open === undefined) return iterations.at(-1)?.path ?? fallback;
  // In the gap before a sprint, or in its first days: that sprint.
  if (time < open.startDate.getTime() + ADDING_DAYS * DAY) return open.path;
  const next = iterations[iterations.indexOf(open) + 1];
  return (next ?? open).path;
}

/**
 * Where an item in `currentPath` goes with a change at `at`: to the open sprint when its own sprint ended
 * before `at` and the item was still unfinished; otherwise it stays (undefined). Paths that are no sprint
 * (the backlog) stay too.
 */
export function carriedIterationFor(
  iterations: readonly IterationModel[],
  currentPath: string,
  at: Date,
  unfinished: boolean,
): string | undefined {
  if (!unfinished) return undefined;
  const current = iterations.find((iteration) => iteration.path === currentPath);
  if (current === undefined || at.getTime() < current.finishDate.getTime() + DAY) return undefined;
  const open = openSprintAt(iterations, at.getTime()) ?? iterations.at(-1);
  return open === undefined || open === current ? undefined : open.path;
}
