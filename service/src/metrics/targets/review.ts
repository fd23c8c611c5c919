/**
 * The sprint review: each target met or missed with the figure behind it, and a Keep/Problem/Try outline
 * pre-filled from the data (keys and parameters; the hub words them in English or Japanese).
 */
import type { TargetOutlook } from './outlookContext.ts';
import type { ScopeCounts } from './sprintScope.ts';

export type Verdict = 'met' | 'missed' | 'notJudged';

export interface TargetVerdict {
  outlook: TargetOutlook;
  verdict: Verdict;
}

/** At sprint end (outlooks evaluated the day after the last day), each target's verdict. */
export function verdicts(finalOutlooks: readonly TargetOutlook[]): TargetVerdict[] {
  return finalOutlooks.map((outlook) => ({
    outlook,
    verdict: outlook.unavailable !== undefined ? 'notJudged' : outlook.metNow ? 'met' : 'missed',
  }));
}

export type KptKey =
  | 'targetMet'
  | 'targetMissed'
  | 'scopeAdded'
  | 'carriedOverTwice'
  | 'itemsRemoved'
  | 'tryFinishOldest'
  | 'tryLimitAdded'
  | 'trySplitCarriedOver';

export interface KptEntry {
  key: KptKey;
  /** The target kind or count the sentence is about. */
  parameters: Record<string, string | number>;
}

export interface KptOutline {
  keep: KptEntry[];
  problem: KptEntry[];
  try: KptEntry[];
}

export function kptOutline(results: readonly TargetVerdict[], scope: ScopeCounts): KptOutline {
  const outline: KptOutline = { keep: [], problem: [], try: [] };
  for (const { outlook, verdict } of results) {
    const parameters = { target: outlook.target.kind, current: Math.round(outlook.current * 10) / 10 };
    if (verdict === 'met') outline.keep.push({ key: 'targetMet', parameters });
    if (verdict === 'missed') {
      outline.problem.push({ key: 'targetMissed', parameters });
      if (
        (outlook.target.kind === 'noItemOlderThan' || outlook.target.kind === 'serviceLevel') &&
        outlook.levers.length > 0
      ) {
        outline.try.push({ key: 'tryFinishOldest', parameters: { items: outlook.levers.length } });
      }
    }
  }
  if (scope.added > 0) {
    outline.problem.push({ key: 'scopeAdded', parameters: { items: scope.added, total: scope.total } });
    outline.try.push({ key: 'tryLimitAdded', parameters: { items: scope.added } });
  }
  if (scope.carriedOverTwice > 0) {
    outline.problem.push({ key: 'carriedOverTwice', parameters: { items: scope.carriedOverTwice } });
    outline.try.push({ key: 'trySplitCarriedOver', parameters: { items: scope.carriedOverTwice } });
  }
  if (scope.removed > 0) outline.problem.push({ key: 'itemsRemoved', parameters: { items: scope.removed } });
  return outline;
}
