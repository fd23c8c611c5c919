/**
 * The insight rules, each with what it detects, the evidence behind it (source named in the product), its
 * threshold, the minimum data it needs, and a proposed experiment with how the team will know. Texts are
 * English here (API users); the hubs word them from their English and Japanese string tables by rule id.
 */
import type { Finding, InsightRuleId } from './finding.ts';
import type { InsightInput } from './input.ts';
import { dataQualityProblems } from './rules/dataQuality.ts';
import {
  deploymentsRarerOrBigger,
  failureRateRising,
  recoveryTimeRising,
  reworkRising,
} from './rules/delivery.ts';
import {
  agingPastP85,
  arrivalsAboveDepartures,
  littleLawGap,
  longWaiting,
  wipRisingThroughputFlat,
} from './rules/flow.ts';
import {
  carriedOverTwice,
  cycleTimeLongerThanSprint,
  scopeAddedMidSprint,
  targetOddsFell,
} from './rules/sprint.ts';

export type InsightArea = 'flow' | 'sprint' | 'delivery' | 'dataQuality';

export interface InsightRule {
  id: InsightRuleId;
  area: InsightArea;
  detects: string;
  /** The research or guidance behind the rule; `url` where it is published on the web. */
  evidence: { source: string; url?: string };
  threshold: string;
  minimumData: string;
  experiment: string;
  howWeWillKnow: string;
  evaluate: (input: InsightInput) => Finding | undefined;
}

const WORK_ITEM_AGE = {
  source: 'The Kanban Guide and ProKanban.org: work item age as the leading flow indicator',
  url: 'https://prokanban.org/blog/what-the-heck-is-work-item-aging-and-why-is-it-so-important',
};
const VACANTI = {
  source: "Daniel Vacanti, Actionable Agile Metrics for Predictability (Little's Law, flow efficiency)",
};
const CFD_READING = {
  source: "Nave: reading a cumulative flow diagram (Little's Law and widening bands)",
  url: 'https://getnave.com/cumulative-flow-diagram-for-azure-devops',
};
const DORA = { source: 'DORA research programme (dora.dev)', url: 'https://dora.dev/research/' };

export const INSIGHT_RULES: readonly InsightRule[] = [
  {
    id: 'AGE-1',
    area: 'flow',
    detects: 'Items in progress older than the team’s 85th-percentile cycle time.',
    evidence: WORK_ITEM_AGE,
    threshold: 'Any item older than the 85th percentile of the lookback window.',
    minimumData: 'At least 5 items finished in the lookback window.',
    experiment: 'At the daily meeting, swarm on the oldest items first: stop starting, start finishing.',
    howWeWillKnow: 'Fewer items past the 85th percentile at the end of the next sprint.',
    evaluate: agingPastP85,
  },
  {
    id: 'WIP-1',
    area: 'flow',
    detects: 'Work in progress rising while throughput stays flat.',
    evidence: {
      source: 'DORA capabilities: limiting work in progress',
      url: 'https://dora.dev/capabilities/wip-limits/',
    },
    threshold:
      'Mean WIP of the last 14 days at least 20% (and 2 items) above the 14 before, throughput within ±20%.',
    minimumData: '28 days of data and at least 5 finished items.',
    experiment: 'Set or lower WIP limits on the board’s in-progress columns.',
    howWeWillKnow: 'WIP back to its earlier level without throughput falling; cycle time stops growing.',
    evaluate: wipRisingThroughputFlat,
  },
  {
    id: 'CFD-1',
    area: 'flow',
    detects: 'More items started than finished, week after week (the cumulative flow bands widen).',
    evidence: CFD_READING,
    threshold: 'Arrivals above departures in each of the last 3 weeks.',
    minimumData: '21 days of data and at least 5 finished items.',
    experiment: 'Agree a replenishment policy: start new work only when an item finishes.',
    howWeWillKnow: 'Arrivals and departures level out over the next 3 weeks.',
    evaluate: arrivalsAboveDepartures,
  },
  {
    id: 'STB-1',
    area: 'flow',
    detects: 'An unstable system: Little’s Law estimate of cycle time far from the measured one.',
    evidence: CFD_READING,
    threshold: 'Mean WIP ÷ mean throughput more than 30% from the measured mean cycle time (28 days).',
    minimumData: 'At least 5 finished items.',
    experiment: 'Review items that aged or were abandoned; close or split them, and keep the board current.',
    howWeWillKnow: 'The estimate and the measurement within 30% of each other.',
    evaluate: littleLawGap,
  },
  {
    id: 'WAIT-1',
    area: 'flow',
    detects: 'Long time in waiting states (low flow efficiency).',
    evidence: VACANTI,
    threshold: 'Flow efficiency under 30% and one waiting state holding 30% or more of items’ time.',
    minimumData: 'Waiting states set in team settings and at least 5 finished items.',
    experiment: 'Pair with the people downstream of the queue, or put a WIP limit on the waiting state.',
    howWeWillKnow: 'The waiting state’s share of time falls.',
    evaluate: longWaiting,
  },
  {
    id: 'SLE-1',
    area: 'sprint',
    detects: 'An expected cycle time longer than the sprint.',
    evidence: {
      source: 'The Kanban Guide for Scrum Teams (Scrum.org, 2021)',
      url: 'https://www.scrum.org/resources/kanban-guide-scrum-teams',
    },
    threshold: '85th-percentile cycle time longer than the sprint length.',
    minimumData: 'At least 5 finished items.',
    experiment:
      'Right-size items at refinement: split anything the team expects to take longer than the sprint.',
    howWeWillKnow: '85th-percentile cycle time under the sprint length within two sprints.',
    evaluate: cycleTimeLongerThanSprint,
  },
  {
    id: 'CARRY-1',
    area: 'sprint',
    detects: 'Items carried over twice (in their third sprint).',
    evidence: {
      source: 'Swarmia sprints: carryover 2+; Linear: repeated rollover means items too large',
      url: 'https://help.swarmia.com/sprints',
    },
    threshold: 'Any item in its third consecutive sprint.',
    minimumData: 'Two earlier sprints.',
    experiment: 'At planning, split or drop items that carried over twice.',
    howWeWillKnow: 'No item carried over twice at the next review.',
    evaluate: carriedOverTwice,
  },
  {
    id: 'SCOPE-1',
    area: 'sprint',
    detects: 'Scope added after the sprint started.',
    evidence: {
      source: 'Swarmia: sprint scope groups; Telescope scope-change bands',
      url: 'https://help.swarmia.com/sprints',
    },
    threshold: 'Added items above 30% of the planned items.',
    minimumData: 'At least 5 planned items.',
    experiment: 'Protect the sprint goal: agree an intake policy for work that arrives mid-sprint.',
    howWeWillKnow: 'Added scope under 30% of planned at the next review.',
    evaluate: scopeAddedMidSprint,
  },
  {
    id: 'TGT-1',
    area: 'sprint',
    detects: 'A sprint target whose probability fell.',
    evidence: VACANTI,
    threshold: 'Probability down 20 points or more in a week, and now under 50%.',
    minimumData: 'A week of daily probabilities.',
    experiment:
      'Look at the items the target names as levers; decide together to finish them or to change scope.',
    howWeWillKnow: 'The probability recovers above 50%, or the target is renegotiated openly.',
    evaluate: targetOddsFell,
  },
  {
    id: 'DEP-1',
    area: 'delivery',
    detects: 'Deployments getting rarer or bigger.',
    evidence: DORA,
    threshold:
      'Deployment days in the last 4 weeks down 25% on the 4 before, or median changes per deployment up 50%.',
    minimumData: 'At least 5 production deployments in the earlier 4 weeks.',
    experiment: 'Smaller pull requests, trunk-based merging, and automating the release step.',
    howWeWillKnow: 'Deployment days back up and changes per deployment down within 4 weeks.',
    evaluate: deploymentsRarerOrBigger,
  },
  {
    id: 'CFR-1',
    area: 'delivery',
    detects:
      'Change failure rate rising (from real incidents and rollbacks only, never failed pipeline runs).',
    evidence: DORA,
    threshold: 'Failure rate of the last 4 weeks 10 points above the 4 before.',
    minimumData: 'At least 5 production deployments in each 4-week half.',
    experiment: 'A blameless post-incident review; add a test or a deployment check for what failed.',
    howWeWillKnow: 'Failure rate back down over the next 4 weeks.',
    evaluate: failureRateRising,
  },
  {
    id: 'MTTR-1',
    area: 'delivery',
    detects: 'Failed-deployment recovery time rising.',
    evidence: DORA,
    threshold: 'Median recovery of the last 4 weeks at least 1.5 times the 4 before.',
    minimumData: 'At least 5 restored incidents over the 8 weeks.',
    experiment: 'A rollback runbook and feature flags for risky changes.',
    howWeWillKnow: 'Median recovery time back down over the next 4 weeks.',
    evaluate: recoveryTimeRising,
  },
  {
    id: 'RWK-1',
    area: 'delivery',
    detects: 'Rework rising: more unplanned deployments to fix production.',
    evidence: {
      source: 'DORA 2024 State of DevOps Report: rework rate',
      url: 'https://dora.dev/research/2024/dora-report/',
    },
    threshold: 'Rework share of the last 4 weeks 10 points above the 4 before.',
    minimumData: 'At least 5 production deployments in each 4-week half.',
    experiment: 'Find the root cause of the top incidents behind the fixes.',
    howWeWillKnow: 'Rework share back down over the next 4 weeks.',
    evaluate: reworkRising,
  },
  {
    id: 'DQ-1',
    area: 'dataQuality',
    detects: 'Data problems that distort the figures (items skipping in-progress, no production mark).',
    evidence: {
      source: 'Seika metric definitions: data quality flags',
      url: 'https://github.com/seika/seika#metric-definitions',
    },
    threshold: 'More than 10% of checked items flagged, or no production environment marked.',
    minimumData: 'At least 5 items checked.',
    experiment: 'Fix the workflow mapping and mark production in the delivery settings.',
    howWeWillKnow: 'Flagged share under 10% at the next check.',
    evaluate: dataQualityProblems,
  },
];

export function insightRule(id: InsightRuleId): InsightRule {
  const rule = INSIGHT_RULES.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new RangeError(`Unknown insight rule ${id}`);
  return rule;
}
