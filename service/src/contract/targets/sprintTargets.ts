/**
 * A team's outcome targets for one sprint (GET/PUT .../teams/{team}/sprints/{iterationId}/targets):
 * the sprint goal in words with the work items that deliver it, and optional outcome targets. Stored per
 * team and per iteration id, never shared between teams or sprints.
 */
import { z } from 'zod';
import { sprintScopeSchema } from './scope.ts';
import { nonWorkingDaySchema } from '../calendar/workingCalendar.ts';

function integer(min: number, max: number) {
  return z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

export const outcomeTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('goalItemsDone') }),
    z.object({ kind: z.literal('itemsFinished'), atLeast: integer(1, 10_000) }),
    z.object({ kind: z.literal('serviceLevel'), percent: integer(1, 100), withinDays: integer(1, 365) }),
    z.object({ kind: z.literal('noItemOlderThan'), days: integer(1, 365) }),
    z.object({ kind: z.literal('wipCeiling'), atMost: integer(1, 10_000) }),
    z.object({ kind: z.literal('deploymentDaysPerWeek'), atLeast: integer(1, 7) }),
    z.object({ kind: z.literal('changeFailureRate'), atMostPercent: integer(0, 100) }),
    z.object({ kind: z.literal('leadTimeForChanges'), medianAtMostHours: integer(1, 8760) }),
    z.object({ kind: z.literal('recoveryTime'), medianAtMostHours: integer(1, 8760) }),
  ],
  {
    error:
      'must be one of goalItemsDone, itemsFinished, serviceLevel, noItemOlderThan, wipCeiling, deploymentDaysPerWeek, changeFailureRate, leadTimeForChanges, recoveryTime',
  },
);
export type OutcomeTargetSetting = z.infer<typeof outcomeTargetSchema>;

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

function isRefusedKind(kind: unknown): kind is RefusedTargetKind {
  return typeof kind === 'string' && Object.hasOwn(REFUSED_TARGET_KINDS, kind);
}

/** The first target of a request body that names a refused kind, read before the schema rejects it. */
export function refusedTargetOf(
  body: unknown,
): { index: number; kind: RefusedTargetKind; reason: string } | undefined {
  if (typeof body !== 'object' || body === null || !('targets' in body) || !Array.isArray(body.targets)) {
    return undefined;
  }
  const targets: readonly unknown[] = body.targets;
  for (const [index, target] of targets.entries()) {
    const kind = typeof target === 'object' && target !== null && 'kind' in target ? target.kind : undefined;
    if (isRefusedKind(kind)) return { index, kind, reason: REFUSED_TARGET_KINDS[kind] };
  }
  return undefined;
}

export const sprintGoalSchema = z.object({
  /** スプリントゴール: the goal in the team's words. */
  text: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
  /** The work items that deliver the goal, chosen from the sprint backlog. */
  itemIds: z
    .array(
      z
        .number({ error: 'must be work item ids' })
        .int('must be work item ids')
        .positive('must be work item ids'),
    )
    .max(500, 'must list at most 500 items')
    .default([]),
  /** Or: the items carrying this tag. */
  tag: z.string().trim().min(1, 'must not be empty').max(256).nullable().default(null),
});

export const sprintTargetsSchema = z.object({
  goal: sprintGoalSchema.default({ text: '', itemIds: [], tag: null }),
  targets: z.array(outcomeTargetSchema).max(12, 'must list at most 12 targets').default([]),
  /** Whether members (not only the team's administrators) may record the reason a target was missed. */
  membersMayAddMissReasons: z.boolean({ error: 'must be true or false' }).default(true),
});
export type SprintTargets = z.infer<typeof sprintTargetsSchema>;
export type SprintTargetsInput = z.input<typeof sprintTargetsSchema>;

export const sprintTargetsWarningSchema = z.object({
  code: z.enum(['serviceLevelLongerThanSprint']),
  message: z.string(),
  targetIndex: z.number().int(),
});

export const sprintTargetsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  iterationId: z.string(),
  sprint: z.object({ name: z.string(), startDay: z.string().nullable(), finishDay: z.string().nullable() }),
  targets: sprintTargetsSchema,
  /** ISO instant of the last save; null when nothing is stored yet (the defaults are shown). */
  updatedAt: z.string().nullable(),
  warnings: z.array(sprintTargetsWarningSchema),
});
export type SprintTargetsResponse = z.infer<typeof sprintTargetsResponseSchema>;

export const sprintPathSchema = z.object({
  organization: z.string().min(1),
  project: z.string().min(1),
  team: z.string().min(1),
  /** Azure DevOps iteration ids are GUIDs; letters, digits and hyphens only, so no path can be smuggled in. */
  iterationId: z
    .string()
    .regex(
      /^[A-Za-z0-9-]{1,64}$/,
      "must be an iteration id from the team's sprints (letters, digits, hyphens)",
    ),
});
export type SprintPath = z.infer<typeof sprintPathSchema>;

export const targetLeverSchema = z.object({ itemId: z.number().int(), chanceInTime: z.number() });

export const targetOutlookSchema = z.object({
  targetIndex: z.number().int(),
  target: outcomeTargetSchema,
  /** Today's figure (see the metric definitions for each kind's unit). */
  current: z.number(),
  metNow: z.boolean(),
  /** 0–1; null when there is nothing to judge it from (see `unavailable`). */
  probability: z.number().nullable(),
  itemCount: z.number().int(),
  historySize: z.number().int(),
  /** Fewer than 5 items or days behind the figure: shown with the note, never hidden. */
  tooFewToJudge: z.boolean(),
  levers: z.array(targetLeverSchema),
  unavailable: z.enum(['noHistory', 'noDeliveryData', 'noGoalItems']).nullable(),
});
export type TargetOutlookAnswer = z.infer<typeof targetOutlookSchema>;

export const sprintOutlookResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  iterationId: z.string(),
  sprint: z.object({ name: z.string(), startDay: z.string(), finishDay: z.string() }),
  timeZone: z.string(),
  /** The day the answer is for: data through the end of the day before; the day after the last once over. */
  evaluatedOn: z.string(),
  phase: z.enum(['notStarted', 'running', 'ended']),
  remainingWorkingDays: z.number().int(),
  /** The sprint's days that are not working days for the team, with why (weekends, holidays, days off). */
  nonWorkingDays: z.array(nonWorkingDaySchema),
  /**
   * Where the sprint's items come from: its iteration membership history (`iterationMembership`), or, while
   * the organization's revisions are not yet synchronised with their iteration paths, the team's items
   * active in the sprint's dates (`teamFlow`).
   */
  scopeSource: z.enum(['teamFlow', 'iterationMembership']),
  /** Scope against the baseline; null when `scopeSource` is `teamFlow`. */
  scope: sprintScopeSchema.nullable(),
  method: z.string(),
  targets: z.array(targetOutlookSchema),
  /** Each day's probability per target, as computed that day (the worker's daily snapshots). */
  history: z.array(
    z.object({
      day: z.string(),
      targetIndex: z.number().int(),
      probability: z.number().nullable(),
      metNow: z.boolean(),
    }),
  ),
});
export type SprintOutlookResponse = z.infer<typeof sprintOutlookResponseSchema>;

export const teamSprintsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  timeZone: z.string(),
  /** The team's iterations with dates, oldest first; `current` holds today in the team's time zone. */
  sprints: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      startDay: z.string(),
      finishDay: z.string(),
      current: z.boolean(),
      /** Targets are stored for it. */
      hasTargets: z.boolean(),
    }),
  ),
});
export type TeamSprintsResponse = z.infer<typeof teamSprintsResponseSchema>;
