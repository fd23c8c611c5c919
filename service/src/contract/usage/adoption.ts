/**
 * How each team uses Azure DevOps (利用状況の分析), from data Seika already holds: each check's status, the
 * figure behind it and the fix. Collection administrators only; team level, no person.
 */
import { z } from 'zod';

export const ADOPTION_CHECK_IDS = [
  'wipLimits',
  'sprintCadence',
  'workingCalendar',
  'inProgressStates',
  'pullRequestLinks',
  'productionMark',
  'serviceHooks',
] as const;

export const adoptionResponseSchema = z.object({
  organization: z.string(),
  /** When the checks were made (ISO). */
  asOf: z.string(),
  teams: z.array(
    z.object({
      project: z.string(),
      team: z.string(),
      checks: z.array(
        z.object({
          id: z.enum(ADOPTION_CHECK_IDS),
          status: z.enum(['ok', 'gap', 'unknown']),
          /** The figure behind the status: a share in %, a length in days, days since a delivery. */
          figure: z.number().nullable(),
          /** The fix in English (the hubs show their own wording by id). */
          fix: z.string(),
        }),
      ),
    }),
  ),
});
export type AdoptionResponse = z.infer<typeof adoptionResponseSchema>;
