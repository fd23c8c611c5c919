/** Sprint rules: expected cycle time against sprint length, carry-over, added scope, falling odds. */
import { clamp01, MINIMUM_ITEMS, type Finding } from '../finding.ts';
import type { InsightInput } from '../input.ts';

/** SLE-1: the team's 85th-percentile cycle time is longer than its sprint. */
export function cycleTimeLongerThanSprint(input: InsightInput): Finding | undefined {
  const p85 = input.flow.cycleTimeP85Days;
  if (input.sprint === undefined || p85 === undefined || input.flow.completedInLookback < MINIMUM_ITEMS)
    return undefined;
  if (p85 <= input.sprint.lengthDays) return undefined;
  return {
    ruleId: 'SLE-1',
    expectedEffect: clamp01(0.3 + (p85 - input.sprint.lengthDays) / input.sprint.lengthDays),
    itemIds: [],
    figures: { p85Days: p85, sprintDays: input.sprint.lengthDays },
  };
}

/** CARRY-1: items carried over into a third sprint in a row. */
export function carriedOverTwice(input: InsightInput): Finding | undefined {
  const items = input.sprint?.carriedOverTwice ?? [];
  if (items.length === 0) return undefined;
  return {
    ruleId: 'CARRY-1',
    expectedEffect: clamp01(0.3 + 0.1 * items.length),
    itemIds: items,
    figures: { items: items.length },
  };
}

/** SCOPE-1: work added after the sprint started above 30% of the planned scope (Telescope's red band). */
export function scopeAddedMidSprint(input: InsightInput): Finding | undefined {
  const sprint = input.sprint;
  if (sprint === undefined || sprint.planned < MINIMUM_ITEMS) return undefined;
  const share = sprint.added / sprint.planned;
  if (share <= 0.3) return undefined;
  return {
    ruleId: 'SCOPE-1',
    expectedEffect: clamp01(share),
    itemIds: [],
    figures: { added: sprint.added, planned: sprint.planned, sharePercent: Math.round(share * 100) },
  };
}

/** TGT-1: a sprint target's probability fell by 20 points or more this week and is now below one half. */
export function targetOddsFell(input: InsightInput): Finding | undefined {
  const fallen = (input.sprint?.targetChanges ?? [])
    .filter((change) => change.weekAgo - change.now >= 0.2 && change.now < 0.5)
    .sort((a, b) => b.weekAgo - b.now - (a.weekAgo - a.now));
  const worst = fallen[0];
  if (worst === undefined) return undefined;
  return {
    ruleId: 'TGT-1',
    expectedEffect: clamp01(worst.weekAgo - worst.now + 0.3),
    itemIds: [],
    figures: {
      target: worst.kind,
      targetIndex: worst.targetIndex,
      weekAgoPercent: Math.round(worst.weekAgo * 100),
      nowPercent: Math.round(worst.now * 100),
    },
  };
}
