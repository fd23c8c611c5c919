/**
 * Suggested target values from the team's own last sprints, with how often each would have been met:
 * a lead sees "at least 12 items (met in 4 of the last 6 sprints)" rather than a number from nowhere.
 */

export const SUGGESTION_SPRINTS = 6;

export interface Suggestion {
  value: number;
  /** Of the sprints looked at, how many would have met it. */
  metIn: number;
  of: number;
}

/** The value that `wantedShare` of recent sprints reached or exceeded ("at least" targets). */
export function suggestAtLeast(perSprint: readonly number[], wantedShare = 2 / 3): Suggestion | undefined {
  const recent = perSprint.slice(-SUGGESTION_SPRINTS);
  if (recent.length === 0) return undefined;
  const descending = [...recent].sort((a, b) => b - a);
  const value = descending[Math.max(0, Math.ceil(wantedShare * recent.length) - 1)] ?? 0;
  return { value, metIn: recent.filter((figure) => figure >= value).length, of: recent.length };
}

/** The value that `wantedShare` of recent sprints stayed at or below ("at most" targets). */
export function suggestAtMost(perSprint: readonly number[], wantedShare = 2 / 3): Suggestion | undefined {
  const recent = perSprint.slice(-SUGGESTION_SPRINTS);
  if (recent.length === 0) return undefined;
  const ascending = [...recent].sort((a, b) => a - b);
  const value = ascending[Math.max(0, Math.ceil(wantedShare * recent.length) - 1)] ?? 0;
  return { value, metIn: recent.filter((figure) => figure <= value).length, of: recent.length };
}

/** How often `value` would have been met in the recent sprints, `met` judging one sprint's figure. */
export function hitRate(
  perSprint: readonly number[],
  value: number,
  met: (figure: number, value: number) => boolean,
): Suggestion | undefined {
  const recent = perSprint.slice(-SUGGESTION_SPRINTS);
  if (recent.length === 0) return undefined;
  return { value, metIn: recent.filter((figure) => met(figure, value)).length, of: recent.length };
}
