/**
 * The hand-worked example of handWorked.data.ts (its header lays out every record). Every expected
 * figure below was worked out by hand from that table; none is computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import {
  computeDeliveryMetrics,
  linkChangesToBuilds,
  type PeriodFigures,
} from '../../../../service/src/metrics/delivery/index.ts';
import { deliveryInput, HOUR } from './fixtures.ts';
import { BUILD_COMMITS, CHANGES, DEPLOYMENTS, INCIDENTS } from './handWorked.data.ts';

const SOURCE = 'DORA 2023 as encoded by Apache DevLake';

const report = computeDeliveryMetrics(
  deliveryInput({
    deployments: DEPLOYMENTS,
    changes: CHANGES,
    links: linkChangesToBuilds({ deployments: DEPLOYMENTS, changes: CHANGES, buildCommits: BUILD_COMMITS }),
    incidents: INCIDENTS,
    bugWorkItemIds: new Set([5001, 5002, 9001, 9002, 9003]),
  }),
  {
    from: '2026-03-02',
    to: '2026-03-15',
    sprints: [{ id: 'sprint-7', name: 'Sprint 7', startDate: '2026-03-04', finishDate: '2026-03-10' }],
  },
);

function ok<T extends { status: string }>(result: T): Extract<T, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected a value, got ${result.status}`);
  return result as Extract<T, { status: 'ok' }>;
}

/** The headline numbers of a period, all as literal expectations. */
interface Headline {
  successfulDeployments: number;
  deploymentDays: number;
  medianDeploymentDaysPerWeek: number;
  leadTimeMedianHours: number;
  leadTimeP85Hours: number;
  changes: number;
  changeFailureRate: number | 'noIncidents';
  deploymentFailureRate: number;
  recoveryMedianHours: number | 'noIncidents';
  restoreMedianHours: number | 'noneRestored';
  reworkRate: number;
}

function headline(figures: PeriodFigures): Headline {
  const frequency = ok(figures.deploymentFrequency);
  const lead = ok(figures.leadTimeForChanges);
  const cfr = figures.changeFailureRate;
  const recovery = figures.failedDeploymentRecoveryTime;
  const restore = figures.timeToRestore;
  return {
    successfulDeployments: frequency.successfulDeployments,
    deploymentDays: frequency.deploymentDays,
    medianDeploymentDaysPerWeek: frequency.medianDeploymentDaysPerWeek,
    leadTimeMedianHours: lead.medianMs / HOUR,
    leadTimeP85Hours: lead.p85Ms / HOUR,
    changes: lead.changes,
    changeFailureRate: cfr.status === 'ok' ? cfr.rate : (cfr.status as 'noIncidents'),
    deploymentFailureRate: ok(figures.deploymentFailureRate).rate,
    recoveryMedianHours:
      recovery.status === 'ok' ? recovery.medianMs / HOUR : (recovery.status as 'noIncidents'),
    restoreMedianHours:
      restore.status === 'ok' ? restore.medianMs / HOUR : (restore.status as 'noneRestored'),
    reworkRate: ok(figures.reworkRate).rate,
  };
}

describe('hand-worked example: the two-week window', () => {
  const w = report.window;

  it('deployment frequency: 7 successful deployments on 6 days; weeks [4, 2] → median 2', () => {
    const frequency = ok(w.deploymentFrequency);
    expect(frequency.successfulDeployments).toBe(7);
    expect(frequency.deploymentsPerDay).toBe(0.5);
    expect(frequency.deploymentDays).toBe(6);
    expect(frequency.weekly).toEqual([
      { label: '2026-03-02', deploymentDays: 4, daysInPeriod: 7 },
      { label: '2026-03-09', deploymentDays: 2, daysInPeriod: 7 },
    ]);
    expect(frequency.medianDeploymentDaysPerWeek).toBe(2);
    expect(frequency.medianDeploymentDaysPerMonth).toBe(6);
    expect(frequency.reference).toEqual({ band: 'high', source: SOURCE });
    expect(frequency.daily.filter((d) => d.deployments > 0)).toEqual([
      { day: '2026-03-02', deployments: 1, deploymentIds: ['W1'] },
      { day: '2026-03-03', deployments: 2, deploymentIds: ['W2b', 'A1'] },
      { day: '2026-03-05', deployments: 1, deploymentIds: ['W3'] },
      { day: '2026-03-06', deployments: 1, deploymentIds: ['W3r'] },
      { day: '2026-03-09', deployments: 1, deploymentIds: ['A2b'] },
      { day: '2026-03-11', deployments: 1, deploymentIds: ['W4'] },
    ]);
  });

  it('lead time: 16 samples from 15 changes (PR3 by two pipelines); P50 = 12 h, P85 = 72 h', () => {
    const lead = ok(w.leadTimeForChanges);
    expect(lead.samples.map((s) => [s.changeId, s.deploymentId, s.leadTimeMs / HOUR])).toEqual([
      ['commit:repo:c1', 'W1', 2],
      ['pr:repo:1', 'W1', 72],
      ['pr:repo:2', 'W1', 12],
      ['pr:repo:4', 'W2b', 48],
      ['pr:repo:3', 'W2b', 24],
      ['commit:repo:c2', 'A1', 4],
      ['pr:repo:5', 'A1', 9],
      ['pr:repo:3', 'A1', 28],
      ['pr:repo:8', 'W3', 8],
      ['pr:repo:6', 'W3', 24],
      ['pr:repo:7', 'W3', 168],
      ['pr:repo:10', 'A2b', 6],
      ['pr:repo:9', 'A2b', 72],
      ['commit:repo:c3', 'W4', 1],
      ['pr:repo:11', 'W4', 48],
      ['pr:repo:12', 'W4', 12],
    ]);
    // sorted: 1 2 4 6 8 9 12 12 24 24 28 48 48 72 72 168; rank 8 → 12, rank ceil(13.6) = 14 → 72
    expect(lead.medianMs).toBe(12 * HOUR);
    expect(lead.p85Ms).toBe(72 * HOUR);
    expect(lead.reference).toEqual({ band: 'elite', source: SOURCE });
    expect(lead.partMedians).toEqual({
      codingMs: 3 * HOUR,
      reviewMs: 18 * HOUR,
      waitingForDeploymentMs: 6 * HOUR,
      codingToDeploymentMs: 2 * HOUR,
    });
    expect(lead.samples.find((s) => s.changeId === 'pr:repo:7')).toMatchObject({
      kind: 'pullRequest',
      codingMs: 96 * HOUR,
      reviewMs: 68 * HOUR,
      waitingForDeploymentMs: 4 * HOUR,
    });
  });

  it('incidents: 9001 → W2b by time, 9002 → W3 by explicit link, 9003 unattributed', () => {
    expect(w.incidents).toEqual([
      { incidentId: 9001, status: 'attributed', deploymentId: 'W2b', via: 'lastBefore' },
      { incidentId: 9002, status: 'attributed', deploymentId: 'W3', via: 'explicitLink' },
      { incidentId: 9003, status: 'unattributed', reason: 'noDeploymentBefore' },
    ]);
  });

  it('change failure rate 2/7; deployment failure rate 2/10', () => {
    const cfr = ok(w.changeFailureRate);
    expect(cfr.rate).toBe(2 / 7);
    expect(cfr.failed).toEqual([
      { deploymentId: 'W2b', incidentIds: [9001] },
      { deploymentId: 'W3', incidentIds: [9002] },
    ]);
    expect(cfr.reference).toEqual({ band: 'low', source: SOURCE });
    const dfr = ok(w.deploymentFailureRate);
    expect(dfr).toEqual({
      status: 'ok',
      rate: 0.2,
      failedAttempts: 2,
      attempts: 10,
      canceledAttempts: 1,
      failedAttemptIds: ['W2a', 'A2a'],
    });
  });

  it('recovery: 6 h (9001) and 137 h (9002) → median 6 h; restore: 4, 6, 24 h → median 6 h', () => {
    const recovery = ok(w.failedDeploymentRecoveryTime);
    expect(recovery.samples.map((s) => [s.incidentId, s.deploymentId, s.recoveryMs / HOUR])).toEqual([
      [9001, 'W2b', 6],
      [9002, 'W3', 137],
    ]);
    expect(recovery.medianMs).toBe(6 * HOUR);
    expect(recovery.reference).toEqual({ band: 'high', source: SOURCE });
    const restore = ok(w.timeToRestore);
    expect(restore.samples.map((s) => [s.incidentId, s.restoreMs / HOUR])).toEqual([
      [9001, 4],
      [9002, 24],
      [9003, 6],
    ]);
    expect(restore.medianMs).toBe(6 * HOUR);
  });

  it('rework: W3 and W3r (PR7 → Bug 5002), W4 (PR12 → Bug 5001, C3 → incident 9002) = 3/7', () => {
    const rework = ok(w.reworkRate);
    expect(rework.rate).toBe(3 / 7);
    expect(rework.deployments).toEqual([
      { deploymentId: 'W3', evidence: [{ changeId: 'pr:repo:7', workItemId: 5002, linkedTo: 'bug' }] },
      { deploymentId: 'W3r', evidence: [{ changeId: 'pr:repo:7', workItemId: 5002, linkedTo: 'bug' }] },
      {
        deploymentId: 'W4',
        evidence: [
          { changeId: 'commit:repo:c3', workItemId: 9002, linkedTo: 'incident' },
          { changeId: 'pr:repo:12', workItemId: 5001, linkedTo: 'bug' },
        ],
      },
    ]);
  });

  it('drill-down: the 10 production attempts with what they carried and caused', () => {
    expect(
      report.deployments.map((d) => [d.id, d.outcome, d.deliveredChangeIds.length, d.incidentIds]),
    ).toEqual([
      ['W1', 'succeeded', 3, []],
      ['W2a', 'failed', 0, []],
      ['W2b', 'succeeded', 2, [9001]],
      ['A1', 'succeeded', 3, []],
      ['W3', 'succeededWithIssues', 3, [9002]],
      ['W3r', 'succeeded', 0, []],
      ['A2a', 'failed', 0, []],
      ['A2b', 'succeeded', 2, []],
      ['W4', 'succeeded', 3, []],
      ['A3', 'canceled', 0, []],
    ]);
    expect(report.deployments.find((d) => d.id === 'W3r')?.changeIds).toEqual([
      'pr:repo:8',
      'pr:repo:6',
      'pr:repo:7',
    ]);
    expect(report.deployments.find((d) => d.id === 'A3')?.changeIds).toEqual(['commit:repo:c3']);
  });
});

describe('hand-worked example: trends', () => {
  it.each([
    {
      period: 'window',
      figures: report.window,
      expected: {
        successfulDeployments: 7,
        deploymentDays: 6,
        medianDeploymentDaysPerWeek: 2,
        leadTimeMedianHours: 12,
        leadTimeP85Hours: 72,
        changes: 16,
        changeFailureRate: 2 / 7,
        deploymentFailureRate: 0.2,
        recoveryMedianHours: 6,
        restoreMedianHours: 6,
        reworkRate: 3 / 7,
      },
    },
    {
      // lead: 2 4 8 9 12 24 24 28 48 72 168 → rank 6 = 24, rank ceil(9.35) = 10 → 72
      period: 'week of 03-02',
      figures: report.weekly[0],
      expected: {
        successfulDeployments: 5,
        deploymentDays: 4,
        medianDeploymentDaysPerWeek: 4,
        leadTimeMedianHours: 24,
        leadTimeP85Hours: 72,
        changes: 11,
        changeFailureRate: 0.4,
        deploymentFailureRate: 1 / 6,
        recoveryMedianHours: 6,
        restoreMedianHours: 4,
        reworkRate: 0.4,
      },
    },
    {
      // lead: 1 6 12 48 72 → rank 3 = 12, rank 5 = 72
      period: 'week of 03-09',
      figures: report.weekly[1],
      expected: {
        successfulDeployments: 2,
        deploymentDays: 2,
        medianDeploymentDaysPerWeek: 2,
        leadTimeMedianHours: 12,
        leadTimeP85Hours: 72,
        changes: 5,
        changeFailureRate: 'noIncidents',
        deploymentFailureRate: 0.25,
        recoveryMedianHours: 'noIncidents',
        restoreMedianHours: 24,
        reworkRate: 0.5,
      },
    },
    {
      // Wed 03-04 .. Tue 03-10: W3, W3r, A2b; weeks [2, 1] → 1; lead 6 8 24 72 168 → 24, 168;
      // 9002 (created 03-10) is still open at the sprint's end
      period: 'Sprint 7',
      figures: report.sprints[0]?.figures,
      expected: {
        successfulDeployments: 3,
        deploymentDays: 3,
        medianDeploymentDaysPerWeek: 1,
        leadTimeMedianHours: 24,
        leadTimeP85Hours: 168,
        changes: 5,
        changeFailureRate: 1 / 3,
        deploymentFailureRate: 0.25,
        recoveryMedianHours: 137,
        restoreMedianHours: 'noneRestored',
        reworkRate: 2 / 3,
      },
    },
  ] as { period: string; figures: PeriodFigures | undefined; expected: Headline }[])(
    '$period',
    ({ figures, expected }) => {
      if (figures === undefined) throw new Error('missing period');
      expect(headline(figures)).toEqual(expected);
    },
  );

  it('has exactly two weeks and one sprint', () => {
    expect(report.weekly.map((w) => [w.from, w.to])).toEqual([
      ['2026-03-02', '2026-03-08'],
      ['2026-03-09', '2026-03-15'],
    ]);
    expect(report.sprints.map((s) => [s.sprintId, s.figures.from, s.figures.to])).toEqual([
      ['sprint-7', '2026-03-04', '2026-03-10'],
    ]);
  });
});
