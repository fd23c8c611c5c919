/**
 * The outcome targets a team may set for a sprint, and the kinds Seika refuses because they measure
 * people rather than outcomes. Each target is optional; a sprint may carry several.
 */

export type OutcomeTarget =
  /** Every goal item (the sprint goal's work items) done by the sprint's end. */
  | { kind: 'goalItemsDone' }
  /** At least N items finished in the sprint. */
  | { kind: 'itemsFinished'; atLeast: number }
  /** At least P% of the items finished in the sprint took D calendar days or less. */
  | { kind: 'serviceLevel'; percent: number; withinDays: number }
  /** At sprint end, no item in progress is older than D days (the team's 85th-percentile cycle time). */
  | { kind: 'noItemOlderThan'; days: number }
  /** Daily work in progress never above N during the sprint. */
  | { kind: 'wipCeiling'; atMost: number }
  /** Production deployments on at least N working days of the sprint. */
  | { kind: 'deploymentDays'; atLeast: number };

export type OutcomeTargetKind = OutcomeTarget['kind'];

export const OUTCOME_TARGET_KINDS: readonly OutcomeTargetKind[] = [
  'goalItemsDone',
  'itemsFinished',
  'serviceLevel',
  'noItemOlderThan',
  'wipCeiling',
  'deploymentDays',
];

/**
 * Targets Seika will not store, with the reason shown to the lead: they measure people, presence or
 * activity, which invites surveillance and gaming (Goodhart), not outcomes for customers.
 */
export const REFUSED_TARGET_KINDS = {
  perPerson: 'Targets per person rank people; Seika sets targets for the team and its outcomes only.',
  hours: 'Hours worked measure presence, not outcomes; set a target on what the team delivers instead.',
  attendance: 'Attendance and online presence are not outcomes; Seika never records them.',
  activityCount:
    'Counts of commits, comments or updates reward activity, not outcomes; set a target on finished work.',
  storyPoints: 'Story points and velocity are easily inflated; set a target on finished items and their age.',
} as const;

export type RefusedTargetKind = keyof typeof REFUSED_TARGET_KINDS;

/** A warning, not a refusal: a service level longer than the sprint cannot be judged within it. */
export function serviceLevelLongerThanSprint(withinDays: number, sprintCalendarDays: number): boolean {
  return withinDays > sprintCalendarDays;
}
