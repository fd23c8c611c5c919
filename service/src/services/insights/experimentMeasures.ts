/**
 * The weekly measure an experiment on each rule is judged by (pure): one number per week from the same
 * figures the rule reads, and which direction is an improvement. A week without the data gives undefined
 * and is left out of the chart rather than counted as zero.
 *
 *   rule     measure (one value per week)                          better
 *   AGE-1    items in progress older than the 85th percentile      lower
 *   WIP-1    mean WIP over the week's days                         lower
 *   CFD-1    items started minus items finished in the week        lower
 *   STB-1    |Little's Law (mean WIP ÷ throughput) − mean cycle time| as % of the mean, 28 days   lower
 *   WAIT-1   flow efficiency, %                                    higher
 *   SLE-1    85th-percentile cycle time, days                      lower
 *   CARRY-1  items carried over twice                              lower
 *   SCOPE-1  items added mid-sprint as % of planned                 lower
 *   TGT-1    mean probability of the sprint's targets, %           higher
 *   DEP-1    days with a production deployment                     higher
 *   CFR-1    deployments followed by a real incident, %            lower
 *   MTTR-1   median recovery time of incidents restored, hours     lower
 *   RWK-1    rework deployments, %                                 lower
 *   DQ-1     items flagged by the data-quality checks, %           lower
 */
import type { EXPERIMENT_MEASURES } from '../../contract/insights/insights.ts';
import type { InsightInput, InsightRuleId } from '../../metrics/insights/index.ts';

export type ExperimentMeasure = (typeof EXPERIMENT_MEASURES)[number];

interface MeasureDefinition {
  measure: ExperimentMeasure;
  better: 'higher' | 'lower';
  value: (input: InsightInput) => number | undefined;
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const mean = (values: readonly number[]): number | undefined =>
  values.length === 0 ? undefined : sum(values) / values.length;
const lastWeek = (values: readonly number[]): readonly number[] => values.slice(-7);
const percent = (part: number, whole: number): number | undefined =>
  whole === 0 ? undefined : (100 * part) / whole;
const thisWeeksDelivery = (input: InsightInput) => input.delivery?.at(-1);

export const EXPERIMENT_MEASURE_OF: Record<InsightRuleId, MeasureDefinition> = {
  'AGE-1': {
    measure: 'agingPastP85',
    better: 'lower',
    value: ({ flow }) =>
      flow.cycleTimeP85Days === undefined
        ? undefined
        : flow.inProgress.filter((item) => item.ageDays > (flow.cycleTimeP85Days ?? 0)).length,
  },
  'WIP-1': { measure: 'meanWip', better: 'lower', value: ({ flow }) => mean(lastWeek(flow.dailyWip)) },
  'CFD-1': {
    measure: 'netArrivals',
    better: 'lower',
    value: ({ flow }) =>
      flow.dailyArrivals.length === 0
        ? undefined
        : sum(lastWeek(flow.dailyArrivals)) - sum(lastWeek(flow.dailyThroughput)),
  },
  'STB-1': {
    measure: 'littleLawGapPercent',
    better: 'lower',
    value: ({ flow }) => {
      const wip = mean(flow.dailyWip);
      const throughput = mean(flow.dailyThroughput);
      const measured = flow.meanCycleTimeDays;
      if (wip === undefined || throughput === undefined || throughput === 0 || measured === undefined)
        return undefined;
      return percent(Math.abs(wip / throughput - measured), measured);
    },
  },
  'WAIT-1': {
    measure: 'flowEfficiencyPercent',
    better: 'higher',
    value: ({ flow }) => (flow.flowEfficiency === undefined ? undefined : 100 * flow.flowEfficiency),
  },
  'SLE-1': { measure: 'cycleTimeP85Days', better: 'lower', value: ({ flow }) => flow.cycleTimeP85Days },
  'CARRY-1': {
    measure: 'carriedOverTwice',
    better: 'lower',
    // Without planned items the sprint's membership is unknown (not synchronised yet): no measure.
    value: ({ sprint }) =>
      sprint === undefined || sprint.planned === 0 ? undefined : sprint.carriedOverTwice.length,
  },
  'SCOPE-1': {
    measure: 'addedPercent',
    better: 'lower',
    value: ({ sprint }) => (sprint === undefined ? undefined : percent(sprint.added, sprint.planned)),
  },
  'TGT-1': {
    measure: 'meanTargetProbabilityPercent',
    better: 'higher',
    value: ({ sprint }) => {
      const now = mean((sprint?.targetChanges ?? []).map((change) => change.now));
      return now === undefined ? undefined : 100 * now;
    },
  },
  'DEP-1': {
    measure: 'deploymentDays',
    better: 'higher',
    value: (input) => thisWeeksDelivery(input)?.deploymentDays,
  },
  'CFR-1': {
    measure: 'changeFailurePercent',
    better: 'lower',
    value: (input) => {
      const week = thisWeeksDelivery(input);
      return week === undefined ? undefined : percent(week.failedDeployments, week.deployments);
    },
  },
  'MTTR-1': {
    measure: 'medianRecoveryHours',
    better: 'lower',
    value: (input) => thisWeeksDelivery(input)?.medianRecoveryHours,
  },
  'RWK-1': {
    measure: 'reworkPercent',
    better: 'lower',
    value: (input) => {
      const week = thisWeeksDelivery(input);
      return week === undefined ? undefined : percent(week.reworkDeployments, week.deployments);
    },
  },
  'DQ-1': {
    measure: 'flaggedPercent',
    better: 'lower',
    value: ({ dataQuality }) => percent(dataQuality.flaggedItems.length, dataQuality.itemsChecked),
  },
};
