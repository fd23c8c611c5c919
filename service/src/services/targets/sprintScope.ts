/**
 * A team sprint's scope from the synchronised iteration history: the items of the team (its area paths
 * and backlog types, as its flow answers measure them) that were ever in the sprint's iteration, each
 * classed against the baseline frozen at the start of the sprint's first day in the team's time zone.
 */
import type { SprintScopeAnswer } from '../../contract/targets/scope.ts';
import type { TeamIterationRecord } from '../../domain/records.ts';
import { addDays, startOfDay } from '../../metrics/calendar.ts';
import type { PreparedFlow } from '../../metrics/flow/prepare.ts';
import { CATEGORY_CODE } from '../../metrics/flow/workflow.ts';
import {
  classifySprintScope,
  countScope,
  MINIMUM_SAMPLE,
  sprintScopeFromMembership,
  type MembershipItem,
  type ScopedItem,
} from '../../metrics/targets/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';

/** How many of the team's earlier sprints are looked at for "carried over" (twice is the highest class). */
const EARLIER_SPRINTS = 2;

export interface SprintScope {
  items: ScopedItem[];
  answer: SprintScopeAnswer;
}

/** The team's dated sprints that started before this one, the nearest first. */
export function earlierSprints(
  iterations: readonly TeamIterationRecord[],
  sprint: TeamIterationRecord,
): TeamIterationRecord[] {
  const start = sprint.startDay;
  if (start === null) return [];
  return iterations
    .filter((iteration) => iteration.startDay !== null && iteration.startDay < start)
    .sort((a, b) => ((a.startDay ?? '') < (b.startDay ?? '') ? 1 : -1));
}

function membershipItems(
  flow: PreparedFlow,
  moves: ReadonlyMap<number, { at: number; iterationPath: string }[]>,
): MembershipItem[] {
  const { offsets, times, codes } = flow.states;
  const items: MembershipItem[] = [];
  for (const [index, record] of flow.records.entries()) {
    const itemMoves = moves.get(record.id);
    if (itemMoves === undefined) continue;
    const states: { at: number; done: boolean }[] = [];
    for (let entry = offsets[index] ?? 0; entry < (offsets[index + 1] ?? 0); entry++) {
      states.push({ at: times[entry] ?? 0, done: codes[entry] === CATEGORY_CODE.Completed });
    }
    items.push({ itemId: record.id, moves: itemMoves, states });
  }
  return items;
}

/**
 * The sprint's scope as of the start of `evaluatedOn` (data through the day before), or undefined while the
 * organization has no iteration history at all (revisions not yet synchronised with their iteration paths;
 * after an upgrade the stream is read again from its start): the outlook then uses the team's active items.
 */
export async function loadSprintScope(dependencies: {
  repository: SeikaRepository;
  organization: string;
  projectUrl: string;
  flow: PreparedFlow;
  sprint: TeamIterationRecord;
  iterations: readonly TeamIterationRecord[];
  evaluatedOn: string;
  timeZone: string;
}): Promise<SprintScope | undefined> {
  const { repository, flow, sprint, timeZone } = dependencies;
  if (sprint.startDay === null || sprint.finishDay === null) return undefined;
  const earlier = earlierSprints(dependencies.iterations, sprint).slice(0, EARLIER_SPRINTS);
  // A team iteration's `path` is spelt as System.IterationPath is ("Fabrikam-Fiber\\Release 1\\Sprint 2" in
  // the official teamsettings/iterations example, vsts-rest-api-specs work/7.1), so the two compare directly.
  const histories = await repository.getIterationHistories(dependencies.organization, [sprint.path]);
  if (!histories.known) return undefined;
  const moves = new Map(histories.items.map((history) => [history.workItemId, history.moves]));
  const start = startOfDay(sprint.startDay, timeZone);
  const end = startOfDay(addDays(sprint.finishDay, 1), timeZone);
  const scopeInput = sprintScopeFromMembership({
    iterationPath: sprint.path,
    start,
    end,
    until: Math.min(startOfDay(dependencies.evaluatedOn, timeZone), end),
    earlierIterationPaths: earlier.map((iteration) => iteration.path),
    timeZone,
    items: membershipItems(flow, moves),
  });
  const items = classifySprintScope(scopeInput);
  const counts = countScope(items);
  const titles = new Map(flow.records.map((record) => [record.id, record.title]));
  return {
    items,
    answer: {
      counts,
      tooFewToJudge: counts.total < MINIMUM_SAMPLE,
      items: items.map((item) => ({
        itemId: item.itemId,
        title: titles.get(item.itemId) ?? '',
        url: `${dependencies.projectUrl}/_workitems/edit/${item.itemId}`,
        origin: item.origin,
        removed: item.removed,
        addedOn: item.addedOn ?? null,
        removedOn: item.removedOn ?? null,
      })),
    },
  };
}
