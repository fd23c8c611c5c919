/**
 * How a team uses Azure DevOps, from data Seika already syncs, each gap with its fix (利用状況の分析):
 * WIP limits on board columns, sprint cadence, items passing through an in-progress state, pull requests
 * linked to work items, a production mark, service hooks that deliver. Team level only.
 */
import type { BoardColumnRecord, TeamIterationRecord } from '../../domain/records.ts';
import { daysBetween } from '../calendar.ts';

export type AdoptionCheckId =
  | 'wipLimits'
  | 'sprintCadence'
  | 'workingCalendar'
  | 'inProgressStates'
  | 'pullRequestLinks'
  | 'productionMark'
  | 'serviceHooks';

export type AdoptionStatus = 'ok' | 'gap' | 'unknown';

export interface AdoptionCheck {
  id: AdoptionCheckId;
  status: AdoptionStatus;
  /** The figure behind the status (a share in %, a count, days), when there is one. */
  figure: number | undefined;
  /** What to change in Azure DevOps or Seika to close the gap. */
  fix: string;
}

export interface AdoptionInput {
  boardColumns: readonly BoardColumnRecord[];
  iterations: readonly TeamIterationRecord[];
  /** Items finished in the lookback window, and those that never passed through an in-progress state. */
  finishedItems: number;
  finishedWithoutStart: number;
  /**
   * Completed pull requests of the last 8 weeks into the team's repositories (the project's when none is
   * mapped) whose work item links were read, and those linking at least one; undefined when not known.
   */
  pullRequests: { total: number; linkedToWorkItem: number } | undefined;
  productionMarked: boolean | undefined;
  /**
   * The team's working weekdays as its settings say (undefined: not synchronised yet) and the days off
   * recorded for its current sprint (undefined: no current sprint).
   */
  workingCalendar: { workingDays: readonly string[] | undefined; currentSprintDaysOff: number | undefined };
  /** When the last service-hook delivery arrived; undefined when none did. */
  lastHookDeliveryAt: number | undefined;
  hooksSubscribed: boolean;
  now: number;
}

const FIX: Record<AdoptionCheckId, string> = {
  wipLimits: 'Set WIP limits on the board’s in-progress columns (Board settings › Columns).',
  sprintCadence:
    'Give the team’s sprints start and finish dates of a regular length (Project settings › Team configuration › Iterations).',
  inProgressStates:
    'Move items through an in-progress state before closing them, so cycle time can be measured.',
  pullRequestLinks:
    'Link pull requests to work items (or require it with the branch policy “Check for linked work items”), so delivery connects to the board.',
  workingCalendar:
    'Tick the team’s working days (Team configuration › Working days) and enter the sprint’s team days off (Sprints › Capacity › Days off), so sprint odds count the days the team works.',
  productionMark: 'Mark which environments and stages are production in the project’s delivery settings.',
  serviceHooks: 'Set the service’s public URL so Azure DevOps can notify Seika of changes.',
};

const MS_PER_DAY = 86_400_000;

function check(id: AdoptionCheckId, status: AdoptionStatus, figure?: number): AdoptionCheck {
  return { id, status, figure, fix: FIX[id] };
}

function wipLimits(columns: readonly BoardColumnRecord[]): AdoptionCheck {
  const inProgress = columns.filter((column) => column.columnType === 'inProgress');
  if (inProgress.length === 0) return check('wipLimits', 'unknown');
  const limited = inProgress.filter((column) => column.itemLimit > 0).length;
  return check(
    'wipLimits',
    limited === inProgress.length ? 'ok' : 'gap',
    Math.round((limited / inProgress.length) * 100),
  );
}

/** Regular when the dated sprints' lengths differ by at most two days. */
function sprintCadence(iterations: readonly TeamIterationRecord[]): AdoptionCheck {
  const lengths = iterations.flatMap((iteration) =>
    iteration.startDay !== null && iteration.finishDay !== null
      ? [daysBetween(iteration.startDay, iteration.finishDay) + 1]
      : [],
  );
  if (lengths.length === 0) return check('sprintCadence', iterations.length === 0 ? 'unknown' : 'gap', 0);
  const regular = Math.max(...lengths) - Math.min(...lengths) <= 2;
  const median = [...lengths].sort((a, b) => a - b)[Math.ceil(lengths.length / 2) - 1];
  return check('sprintCadence', regular ? 'ok' : 'gap', median);
}

function inProgressStates(input: AdoptionInput): AdoptionCheck {
  if (input.finishedItems === 0) return check('inProgressStates', 'unknown');
  const through = input.finishedItems - input.finishedWithoutStart;
  const share = Math.round((through / input.finishedItems) * 100);
  return check('inProgressStates', share >= 90 ? 'ok' : 'gap', share);
}

/** Below this many pull requests the share is too few to judge (metric definitions: fewer than 5 items). */
export const MIN_PULL_REQUESTS = 5;

/**
 * OK from 80% linked: where linking is the habit (or Azure Repos' "Check for linked work items" branch
 * policy requires it) nearly every pull request links one, while dependency bumps and small chores
 * legitimately go without; below four in five, delivery figures lose their tie to the board.
 */
export const LINKED_SHARE_OK = 80;

function pullRequestLinks(pullRequests: AdoptionInput['pullRequests']): AdoptionCheck {
  if (pullRequests === undefined || pullRequests.total < MIN_PULL_REQUESTS)
    return check('pullRequestLinks', 'unknown');
  const share = Math.round((pullRequests.linkedToWorkItem / pullRequests.total) * 100);
  return check('pullRequestLinks', share >= LINKED_SHARE_OK ? 'ok' : 'gap', share);
}

/**
 * Entered when the team ticked its working days and recorded its current sprint's days off (holidays,
 * offsites). Figure: the current sprint's days off. Unknown before the team's settings were read or
 * while it has no current sprint.
 */
function workingCalendar({
  workingDays,
  currentSprintDaysOff,
}: AdoptionInput['workingCalendar']): AdoptionCheck {
  if (workingDays === undefined || currentSprintDaysOff === undefined)
    return check('workingCalendar', 'unknown');
  const entered = workingDays.length > 0 && currentSprintDaysOff > 0;
  return check('workingCalendar', entered ? 'ok' : 'gap', currentSprintDaysOff);
}

function serviceHooks(input: AdoptionInput): AdoptionCheck {
  if (!input.hooksSubscribed) return check('serviceHooks', 'gap');
  if (input.lastHookDeliveryAt === undefined) return check('serviceHooks', 'unknown');
  const days = Math.floor((input.now - input.lastHookDeliveryAt) / MS_PER_DAY);
  // Active teams change something every few days; a week of silence suggests deliveries fail.
  return check('serviceHooks', days <= 7 ? 'ok' : 'gap', days);
}

export function adoptionChecks(input: AdoptionInput): AdoptionCheck[] {
  return [
    wipLimits(input.boardColumns),
    sprintCadence(input.iterations),
    workingCalendar(input.workingCalendar),
    inProgressStates(input),
    pullRequestLinks(input.pullRequests),
    check(
      'productionMark',
      input.productionMarked === undefined ? 'unknown' : input.productionMarked ? 'ok' : 'gap',
    ),
    serviceHooks(input),
  ];
}
