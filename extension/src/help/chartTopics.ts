import type { HelpTopicId } from './topics.ts';

/**
 * Every chart the hubs draw, by a stable id, and the help topic its title's "?" opens. A chart that is
 * not listed here cannot be given a title help button, so a new chart needs its topic first.
 */
export const CHART_IDS = [
  'cycleTimeScatter',
  'leadTimeScatter',
  'cycleTimeHistogram',
  'leadTimeHistogram',
  'throughput',
  'wip',
  'cumulativeFlow',
  'aging',
  'flowEfficiency',
  'dataQuality',
  'forecastHowMany',
  'forecastWhen',
  'deliveryTrend.deploymentFrequency',
  'deliveryTrend.leadTimeForChanges',
  'deliveryTrend.changeFailureRate',
  'deliveryTrend.recoveryTime',
  'deliveryTrend.reworkRate',
  'targetOdds',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const HELP_TOPIC_FOR_CHART: Record<ChartId, HelpTopicId> = {
  cycleTimeScatter: 'cycleTime',
  leadTimeScatter: 'leadTime',
  cycleTimeHistogram: 'cycleTime',
  leadTimeHistogram: 'leadTime',
  throughput: 'throughput',
  wip: 'wip',
  cumulativeFlow: 'cumulativeFlow',
  aging: 'aging',
  flowEfficiency: 'flowEfficiency',
  dataQuality: 'dataQuality',
  forecastHowMany: 'forecasts',
  forecastWhen: 'forecasts',
  'deliveryTrend.deploymentFrequency': 'deploymentFrequency',
  'deliveryTrend.leadTimeForChanges': 'leadTimeForChanges',
  'deliveryTrend.changeFailureRate': 'changeFailureRate',
  'deliveryTrend.recoveryTime': 'recoveryTime',
  'deliveryTrend.reworkRate': 'reworkRate',
  targetOdds: 'probabilities',
};
