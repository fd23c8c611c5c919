/**
 * Simulated team working weeks and team days off. Every team takes 28–30 December off (the days before
 * 年末年始, which companies add as company holidays), set on whichever of its sprints hold them, as Azure
 * DevOps requires days off to fall inside the sprint's dates. One large-organization team works Sunday to
 * Thursday, so a week other than Monday–Friday is exercised. Derived from the model, not generated, so no
 * generated organization changes.
 */
import type { IterationModel, TeamModel } from './organization.ts';

const MONDAY_TO_FRIDAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const SUNDAY_TO_THURSDAY = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'] as const;

/** Teams (by name) whose week is not Monday–Friday. */
const OTHER_WEEKS: Readonly<Record<string, readonly string[]>> = {
  'Compliance Team': SUNDAY_TO_THURSDAY,
};

export function workingDaysOf(team: Pick<TeamModel, 'name'>): readonly string[] {
  return OTHER_WEEKS[team.name] ?? MONDAY_TO_FRIDAY;
}

const DAY = 86_400_000;

/** The team's days off within the iteration: 28–30 December of each year it spans, clipped to its dates. */
export function teamDaysOffOf(iteration: IterationModel): { start: Date; end: Date }[] {
  const ranges: { start: Date; end: Date }[] = [];
  const first = iteration.startDate.getUTCFullYear();
  const last = iteration.finishDate.getUTCFullYear();
  for (let year = first; year <= last; year += 1) {
    const start = Math.max(Date.UTC(year, 11, 28), iteration.startDate.getTime());
    const end = Math.min(Date.UTC(year, 11, 30), iteration.finishDate.getTime());
    if (start <= end)
      ranges.push({ start: new Date(start - (start % DAY)), end: new Date(end - (end % DAY)) });
  }
  return ranges;
}
