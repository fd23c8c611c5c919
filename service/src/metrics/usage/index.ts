/** Usage analysis (利用状況の分析): small-count suppression and Azure DevOps adoption checks, per team. */
export * from './adoption.ts';
export * from './smallCounts.ts';
