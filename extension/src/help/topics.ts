/**
 * Built-in help (管理者向け機能説明): what each figure means and how it is computed, how targets,
 * probabilities and insights work, what Seika stores, and the administrator's setup. One topic per id, in
 * English and Japanese with the same sections; hubs open a topic from their help panel or a chart title.
 */

export const HELP_TOPIC_IDS = [
  'cycleTime',
  'leadTime',
  'throughput',
  'wip',
  'aging',
  'serviceLevel',
  'cumulativeFlow',
  'flowEfficiency',
  'dataQuality',
  'forecasts',
  'deploymentFrequency',
  'leadTimeForChanges',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
  'referenceBands',
  'targets',
  'probabilities',
  'insights',
  'privacy',
  'setupChecklist',
  'purposeStatement',
] as const;
export type HelpTopicId = (typeof HELP_TOPIC_IDS)[number];

export type HelpGroup = 'flow' | 'delivery' | 'targets' | 'administration';

export const HELP_GROUP_OF: Record<HelpTopicId, HelpGroup> = {
  cycleTime: 'flow',
  leadTime: 'flow',
  throughput: 'flow',
  wip: 'flow',
  aging: 'flow',
  serviceLevel: 'flow',
  cumulativeFlow: 'flow',
  flowEfficiency: 'flow',
  dataQuality: 'flow',
  forecasts: 'flow',
  deploymentFrequency: 'delivery',
  leadTimeForChanges: 'delivery',
  changeFailureRate: 'delivery',
  recoveryTime: 'delivery',
  reworkRate: 'delivery',
  referenceBands: 'delivery',
  targets: 'targets',
  probabilities: 'targets',
  insights: 'targets',
  privacy: 'administration',
  setupChecklist: 'administration',
  purposeStatement: 'administration',
};

export interface HelpSection {
  heading: string;
  /** Paragraphs, in order. */
  body: readonly string[];
  /** A worked example, step by step, where the topic computes a figure. */
  example?: readonly string[];
}

export interface HelpTopic {
  title: string;
  /** One sentence, shown in lists and tooltips. */
  summary: string;
  sections: readonly HelpSection[];
}

export type HelpContent = Record<HelpTopicId, HelpTopic>;

/** Which topic explains each flow and delivery endpoint's figure (the chart titles' "?" opens it). */
export const HELP_TOPIC_FOR_ENDPOINT: Record<string, HelpTopicId> = {
  '/flow/cycle-time': 'cycleTime',
  '/flow/lead-time': 'leadTime',
  '/flow/throughput': 'throughput',
  '/flow/wip': 'wip',
  '/flow/aging': 'aging',
  '/flow/service-levels': 'serviceLevel',
  '/flow/cumulative-flow': 'cumulativeFlow',
  '/flow/flow-efficiency': 'flowEfficiency',
  '/flow/cycle-time-histogram': 'cycleTime',
  '/flow/cycle-time-trend': 'cycleTime',
  '/flow/data-quality': 'dataQuality',
  '/flow/summary': 'serviceLevel',
  '/flow/forecast/how-many': 'forecasts',
  '/flow/forecast/when': 'forecasts',
  '/flow/forecast/sprint': 'probabilities',
  '/delivery/summary': 'referenceBands',
  '/delivery/deployment-frequency': 'deploymentFrequency',
  '/delivery/lead-time': 'leadTimeForChanges',
  '/delivery/change-failure-rate': 'changeFailureRate',
  '/delivery/deployment-failure-rate': 'changeFailureRate',
  '/delivery/recovery-time': 'recoveryTime',
  '/delivery/rework-rate': 'reworkRate',
  '/delivery/trend': 'referenceBands',
  '/delivery/deployments': 'deploymentFrequency',
  '/delivery/changes': 'leadTimeForChanges',
  '/delivery/incidents': 'changeFailureRate',
};
