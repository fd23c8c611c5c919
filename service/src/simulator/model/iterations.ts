import { derivedGuid } from './ids.ts';
import type { IterationModel, ProjectModel } from './organization.ts';
import { SPRINT_DAYS, sprint } from '../legacy/layout.ts';

const DAY = 86_400_000;

/** Adds sprints so the project always plans two sprints past `until` (the clock moving on). */
export function ensureSprints(seed: number, project: ProjectModel, until: number): void {
  for (;;) {
    const last = project.iterations.at(-1);
    if (!last || last.startDate.getTime() > until + 2 * SPRINT_DAYS * DAY - SPRINT_DAYS * DAY) return;
    const n = project.iterations.length + 1;
    project.iterations.push(
      sprint(
        derivedGuid(seed, `sprint:${project.id}:${n}`),
        project.name,
        n,
        last.startDate.getTime() + SPRINT_DAYS * DAY,
      ),
    );
  }
}

/** The sprint running at `at`: from its Monday until the Sunday after its last working Friday. */
export function currentIteration(project: ProjectModel, at: number): IterationModel | undefined {
  return project.iterations.find(
    (it) => it.startDate.getTime() <= at && at < it.finishDate.getTime() + 3 * DAY,
  );
}

export function timeFrameOf(
  iteration: IterationModel,
  current: IterationModel | undefined,
  at: number,
): 'past' | 'current' | 'future' {
  if (iteration === current) return 'current';
  return iteration.startDate.getTime() > at ? 'future' : 'past';
}
