/**
 * Suggested target values for a sprint (GET .../sprints/{iterationId}/targets/suggestions), each from the
 * team's own last six ended sprints with how often it would have been met ("met in 4 of the last 6").
 */
import { z } from 'zod';
import { outcomeTargetSchema } from './sprintTargets.ts';

export const SUGGESTED_TARGET_KINDS = [
  'itemsFinished',
  'serviceLevel',
  'noItemOlderThan',
  'wipCeiling',
] as const;

export const targetSuggestionSchema = z.object({
  kind: z.enum(SUGGESTED_TARGET_KINDS),
  /** The target with the suggested value, ready to be used as it is. */
  target: outcomeTargetSchema,
  /** Of the sprints looked at, how many would have met it. */
  metIn: z.number().int(),
  of: z.number().int(),
  /** Items behind the suggestion over those sprints (finished, or in progress at their ends). */
  itemCount: z.number().int(),
  /** Fewer than 5 items behind it: shown with the note, never hidden. */
  tooFewToJudge: z.boolean(),
});
export type TargetSuggestion = z.infer<typeof targetSuggestionSchema>;

export const targetSuggestionsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  iterationId: z.string(),
  /** The ended sprints the suggestions come from, oldest first (at most six). */
  basedOn: z.array(
    z.object({ iterationId: z.string(), name: z.string(), startDay: z.string(), finishDay: z.string() }),
  ),
  /** One per kind Seika can suggest from flow history; empty when the team has no ended sprint yet. */
  suggestions: z.array(targetSuggestionSchema),
});
export type TargetSuggestionsResponse = z.infer<typeof targetSuggestionsResponseSchema>;
