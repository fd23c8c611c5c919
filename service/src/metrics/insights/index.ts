/** Improvement insights (改善施策): the rule catalogue, weekly ranking, previews and experiment judging. */
export * from './catalogue.ts';
export * from './controlChart.ts';
export * from './finding.ts';
export * from './input.ts';
export * from './fromMetrics.ts';
export * from './weeklyInsights.ts';
