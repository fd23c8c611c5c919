/** DQ-1: data problems that distort the figures (flagged items above 10%, or no production mark). */
import { clamp01, MINIMUM_ITEMS, type Finding } from '../finding.ts';
import type { InsightInput } from '../input.ts';

export function dataQualityProblems(input: InsightInput): Finding | undefined {
  const { flaggedItems, itemsChecked, productionMarked } = input.dataQuality;
  const share = itemsChecked === 0 ? 0 : flaggedItems.length / itemsChecked;
  const flagged = itemsChecked >= MINIMUM_ITEMS && share > 0.1;
  const unmarked = productionMarked === false;
  if (!flagged && !unmarked) return undefined;
  return {
    ruleId: 'DQ-1',
    expectedEffect: clamp01((flagged ? share : 0) + (unmarked ? 0.3 : 0)),
    itemIds: flagged ? flaggedItems : [],
    figures: {
      flagged: flaggedItems.length,
      checked: itemsChecked,
      sharePercent: Math.round(share * 100),
      productionMarked: unmarked ? 'no' : 'yes',
    },
  };
}
