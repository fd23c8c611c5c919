/**
 * A sprint's scope against its baseline (metric definitions § Sprint outcome targets, Scope): counts per
 * origin and every item that was ever in the sprint, removed ones included (they stay in every denominator
 * that counts scope). Work items only: nothing names a person.
 */
import { z } from 'zod';

export const SCOPE_ORIGINS = ['planned', 'added', 'carriedOver', 'carriedOverTwice'] as const;

export const sprintScopeCountsSchema = z.object({
  planned: z.number().int(),
  added: z.number().int(),
  carriedOver: z.number().int(),
  carriedOverTwice: z.number().int(),
  /** In scope but no longer in the sprint's iteration (counted in its origin too). */
  removed: z.number().int(),
  /** Everything that was ever in the sprint: the denominator of scope completion. */
  total: z.number().int(),
});

export const sprintScopeItemSchema = z.object({
  itemId: z.number().int(),
  title: z.string(),
  /** The work item in Azure DevOps. */
  url: z.string(),
  origin: z.enum(SCOPE_ORIGINS),
  removed: z.boolean(),
  /** Days (YYYY-MM-DD, the team's time zone) it joined after the baseline and left the sprint. */
  addedOn: z.string().nullable(),
  removedOn: z.string().nullable(),
});

export const sprintScopeSchema = z.object({
  counts: sprintScopeCountsSchema,
  /** Fewer than 5 items in scope: shown with the note. */
  tooFewToJudge: z.boolean(),
  items: z.array(sprintScopeItemSchema),
});
export type SprintScopeAnswer = z.infer<typeof sprintScopeSchema>;
