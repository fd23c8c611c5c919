/**
 * The minimum group size (5, as Viva Insights' mingroup and Seika's principles set it): a count drawn from
 * fewer than 5 people is never sent, only the fact that it is under 5. Zero stays zero (nobody is
 * identified by "no one").
 */

export const MINIMUM_GROUP = 5;

export type SuppressedCount = { count: number; fewerThanFive: false } | { count: null; fewerThanFive: true };

export function suppressSmall(count: number): SuppressedCount {
  return count > 0 && count < MINIMUM_GROUP
    ? { count: null, fewerThanFive: true }
    : { count, fewerThanFive: false };
}
