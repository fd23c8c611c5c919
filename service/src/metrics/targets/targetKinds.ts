/**
 * The outcome targets a team may set for a sprint (metric definitions § Sprint outcome targets). The kinds
 * Seika refuses, because they measure people rather than outcomes, are listed with their reasons in the
 * contract. Each target is optional; a sprint may carry several.
 */

export type OutcomeTarget =
  /** Named items done: every goal item is finished in the sprint. */
  | { kind: 'goalItemsDone' }
  /** Items finished ≥ n: items in scope, not removed, finished within the sprint. */
  | { kind: 'itemsFinished'; atLeast: number }
  /** p% within N days: among the items finished in the sprint, at least p% took N days or less. */
  | { kind: 'serviceLevel'; percent: number; withinDays: number }
  /** Age guard ≤ a days: no item in scope, not removed, in progress at the end is older than a days. */
  | { kind: 'noItemOlderThan'; days: number }
  /** WIP ceiling ≤ w: on every working day of the sprint, work in progress at the day's end is at most w. */
  | { kind: 'wipCeiling'; atMost: number }
  /** Deployment days per week ≥ k: the median over the sprint's calendar weeks (Monday to Sunday). */
  | { kind: 'deploymentDaysPerWeek'; atLeast: number }
  /** Change failure rate ≤ r%: over the successful production deployments of the sprint. */
  | { kind: 'changeFailureRate'; atMostPercent: number }
  /** Median lead time for changes ≤ h hours: over the changes deployed in the sprint. */
  | { kind: 'leadTimeForChanges'; medianAtMostHours: number }
  /** Median failed-deployment recovery time ≤ h hours: over the incidents restored in the sprint. */
  | { kind: 'recoveryTime'; medianAtMostHours: number };

export type OutcomeTargetKind = OutcomeTarget['kind'];

export const OUTCOME_TARGET_KINDS: readonly OutcomeTargetKind[] = [
  'goalItemsDone',
  'itemsFinished',
  'serviceLevel',
  'noItemOlderThan',
  'wipCeiling',
  'deploymentDaysPerWeek',
  'changeFailureRate',
  'leadTimeForChanges',
  'recoveryTime',
];

/** A warning, not a refusal: a service level longer than the sprint cannot be judged within it. */
export function serviceLevelLongerThanSprint(withinDays: number, sprintCalendarDays: number): boolean {
  return withinDays > sprintCalendarDays;
}
