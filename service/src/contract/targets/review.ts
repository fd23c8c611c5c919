/**
 * The sprint review (スプリントレビュー / ふりかえり): each target met or missed with its figure, the
 * team's reason per miss, a Keep/Problem/Try outline pre-filled from the data and the team's own notes;
 * and the history of targets and results across sprints with Seika's own calibration.
 */
import { z } from 'zod';
import { sprintScopeSchema } from './scope.ts';
import { outcomeTargetSchema } from './sprintTargets.ts';

const note = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
const notes = z.array(note).max(20, 'must list at most 20 notes').default([]);

/** Reasons per missed target, keyed by the target's position ("0", "1", …). */
export const missReasonsSchema = z
  .record(z.string().regex(/^\d{1,2}$/, 'must be a target position such as "0"'), z.string().trim().max(2000))
  .default({});

export const sprintReviewInputSchema = z.object({
  missReasons: missReasonsSchema,
  keep: notes,
  problem: notes,
  try: notes,
});
export type SprintReviewInput = z.input<typeof sprintReviewInputSchema>;
export type SprintReviewNotes = z.output<typeof sprintReviewInputSchema>;

/** What members may send when the lead allows them to record miss reasons. */
export const missReasonsInputSchema = z.object({ missReasons: missReasonsSchema });

export const KPT_KEYS = [
  'targetMet',
  'targetMissed',
  'scopeAdded',
  'carriedOverTwice',
  'itemsRemoved',
  'tryFinishOldest',
  'tryLimitAdded',
  'trySplitCarriedOver',
] as const;

export const kptEntrySchema = z.object({
  key: z.enum(KPT_KEYS),
  parameters: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const targetVerdictSchema = z.object({
  targetIndex: z.number().int(),
  target: outcomeTargetSchema,
  /** pending while the sprint runs; notJudged when there was nothing to judge from. */
  verdict: z.enum(['met', 'missed', 'notJudged', 'pending']),
  current: z.number(),
  tooFewToJudge: z.boolean(),
  /** The odds Seika gave on the sprint's first day (its calibration is judged by these). */
  firstDayProbability: z.number().nullable(),
  reason: z.string().nullable(),
});

export const sprintReviewResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  iterationId: z.string(),
  sprint: z.object({ name: z.string(), startDay: z.string(), finishDay: z.string() }),
  phase: z.enum(['notStarted', 'running', 'ended']),
  goal: z.string(),
  verdicts: z.array(targetVerdictSchema),
  /** Pre-filled from the data; the hub words each key in the user's language. */
  outline: z.object({
    keep: z.array(kptEntrySchema),
    problem: z.array(kptEntrySchema),
    try: z.array(kptEntrySchema),
  }),
  notes: z.object({ keep: z.array(z.string()), problem: z.array(z.string()), try: z.array(z.string()) }),
  /** The sprint's scope against its baseline (as in the outlook); null while membership is not known. */
  scope: sprintScopeSchema.nullable(),
  membersMayAddMissReasons: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SprintReviewResponse = z.infer<typeof sprintReviewResponseSchema>;

export const calibrationBandSchema = z.object({
  fromPercent: z.number().int(),
  predictions: z.number().int(),
  meanPredicted: z.number(),
  shareMet: z.number(),
});

export const targetHistoryResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  sprints: z.array(
    z.object({
      iterationId: z.string(),
      name: z.string(),
      startDay: z.string(),
      finishDay: z.string(),
      targets: z.array(
        z.object({
          targetIndex: z.number().int(),
          kind: z.string(),
          verdict: z.enum(['met', 'missed', 'pending']),
          current: z.number().nullable(),
          firstDayProbability: z.number().nullable(),
        }),
      ),
    }),
  ),
  /** Of the ended targets, by the odds given on their first day: how many were met. */
  calibration: z.array(calibrationBandSchema),
});
export type TargetHistoryResponse = z.infer<typeof targetHistoryResponseSchema>;
