/**
 * A hand-worked example: 10 production deployment attempts (+1 staging), 15 changes, 3 incidents,
 * in UTC over Mon 2026-03-02 .. Sun 2026-03-15. Every figure below was worked out by hand from the
 * table in the comments; none is computed by the code under test.
 *
 * Production attempts (web = pipeline 1, api = pipeline 2):
 *   W1   web  build 101  Mon 03-02 10:00  succeeded
 *   W2a  web  build 102  Tue 03-03 09:00  failed
 *   W2b  web  build 102  Tue 03-03 11:00  succeeded (attempt 2)
 *   A1   api  build 201  Tue 03-03 15:00  succeeded
 *   W3   web  build 103  Thu 03-05 16:00  succeededWithIssues
 *   W3r  web  build 103  Fri 03-06 08:00  succeeded (redeploy)
 *   A2a  api  build 202  Mon 03-09 12:00  failed
 *   A2b  api  build 202  Mon 03-09 13:00  succeeded (attempt 2)
 *   W4   web  build 104  Wed 03-11 10:00  succeeded
 *   A3   api  build 203  Fri 03-13 18:00  canceled
 *   (web build 104 to Staging, Wed 03-11 08:00: not production)
 *
 * Changes (first commit → PR created → merged; lead time to first delivering deployment):
 *   PR1  02-27 10:00 → 02-28 10:00 → 03-01 10:00  W1  24+24+24 = 72h
 *   PR2  03-01 22:00 → 03-02 01:00 → 03-02 04:00  W1   3+3+6   = 12h
 *   C1   03-02 08:00 (commit)                      W1            2h
 *   PR3  03-02 11:00 → 03-02 14:00 → 03-03 08:00  W2b 3+18+3  = 24h; A1 3+18+7 = 28h (two pipelines)
 *   PR4  03-01 11:00 → 03-02 11:00 → 03-03 10:00  W2b 24+23+1 = 48h
 *   PR5  03-03 06:00 → 03-03 07:00 → 03-03 09:00  A1  1+2+6   = 9h
 *   C2   03-03 11:00 (commit)                      A1            4h
 *   PR6  03-04 16:00 → 03-05 04:00 → 03-05 10:00  W3  12+6+6  = 24h
 *   PR7  02-26 16:00 → 03-02 16:00 → 03-05 12:00  W3  96+68+4 = 168h (linked to Bug 5002)
 *   PR8  03-05 08:00 → 03-05 09:00 → 03-05 14:00  W3  1+5+2   = 8h
 *   PR9  03-06 13:00 → 03-07 13:00 → 03-09 01:00  A2b 24+36+12 = 72h
 *   PR10 03-09 07:00 → 03-09 08:00 → 03-09 10:00  A2b 1+2+3   = 6h
 *   PR11 03-09 10:00 → 03-10 10:00 → 03-11 04:00  W4  24+18+6 = 48h
 *   PR12 03-10 22:00 → 03-11 01:00 → 03-11 06:00  W4  3+5+4   = 12h (linked to Bug 5001)
 *   C3   03-11 09:00 (commit, linked to incident 9002)  W4     1h
 *
 * Incidents:
 *   9001 created 03-03 13:00, completed 03-03 17:00 → last before: W2b (03-03 11:00)
 *   9002 created 03-10 09:00, completed 03-11 09:00, explicit link to W3 (the time rule would say A2b)
 *   9003 created 03-02 06:00, completed 03-02 12:00 → before any deployment: unattributed
 */
import { describe, expect, it } from 'vitest';
import type { BuildCommitsRecord, ChangeRecord } from '../../../../service/src/domain/delivery.ts';
import {
  computeDeliveryMetrics,
  linkChangesToBuilds,
  type PeriodFigures,
} from '../../../../service/src/metrics/delivery/index.ts';
import { commit, deliveryInput, deployment, HOUR, incident, pullRequest } from './fixtures.ts';

const SOURCE = 'DORA 2023 as encoded by Apache DevLake';

const web = (id: string, finished: string, build: number, sourceVersion: string, more = {}) =>
  deployment({ id, finished, build, pipeline: 1, sourceVersion, ...more });
const api = (id: string, finished: string, build: number, sourceVersion: string, more = {}) =>
  deployment({ id, finished, build, pipeline: 2, sourceVersion, ...more });

const DEPLOYMENTS = [
  web('W1', '2026-03-02T10:00Z', 101, 'c1'),
  web('W2a', '2026-03-03T09:00Z', 102, 'm4', { outcome: 'failed' }),
  web('W2b', '2026-03-03T11:00Z', 102, 'm4', { attempt: 2 }),
  api('A1', '2026-03-03T15:00Z', 201, 'c2'),
  web('W3', '2026-03-05T16:00Z', 103, 'm8', { outcome: 'succeededWithIssues' }),
  web('W3r', '2026-03-06T08:00Z', 103, 'm8'),
  api('A2a', '2026-03-09T12:00Z', 202, 'm10', { outcome: 'failed' }),
  api('A2b', '2026-03-09T13:00Z', 202, 'm10', { attempt: 2 }),
  web('W4', '2026-03-11T10:00Z', 104, 'c3'),
  api('A3', '2026-03-13T18:00Z', 203, 'c3', { outcome: 'canceled' }),
  web('S4', '2026-03-11T08:00Z', 104, 'c3', { environment: 'Staging' }),
];

const pr = (id: number, firstCommit: string, created: string, merged: string, workItems: number[] = []) =>
  pullRequest({
    id,
    firstCommit: `2026-${firstCommit}Z`,
    created: `2026-${created}Z`,
    merged: `2026-${merged}Z`,
    shas: [`m${id}`],
    workItems,
  });

const CHANGES: ChangeRecord[] = [
  pr(1, '02-27T10:00', '02-28T10:00', '03-01T10:00', [4001]),
  pr(2, '03-01T22:00', '03-02T01:00', '03-02T04:00'),
  commit({ sha: 'c1', authored: '2026-03-02T08:00Z' }),
  pr(3, '03-02T11:00', '03-02T14:00', '03-03T08:00'),
  pr(4, '03-01T11:00', '03-02T11:00', '03-03T10:00'),
  pr(5, '03-03T06:00', '03-03T07:00', '03-03T09:00'),
  commit({ sha: 'c2', authored: '2026-03-03T11:00Z' }),
  pr(6, '03-04T16:00', '03-05T04:00', '03-05T10:00'),
  pr(7, '02-26T16:00', '03-02T16:00', '03-05T12:00', [5002]),
  pr(8, '03-05T08:00', '03-05T09:00', '03-05T14:00'),
  pr(9, '03-06T13:00', '03-07T13:00', '03-09T01:00'),
  pr(10, '03-09T07:00', '03-09T08:00', '03-09T10:00'),
  pr(11, '03-09T10:00', '03-10T10:00', '03-11T04:00'),
  pr(12, '03-10T22:00', '03-11T01:00', '03-11T06:00', [5001]),
  commit({ sha: 'c3', authored: '2026-03-11T09:00Z', workItems: [9002] }),
];

const buildCommits = (buildId: number, commitShas: string[]): BuildCommitsRecord => ({
  buildId,
  commitShas,
  provenance: { rawPageId: 1 },
});

const BUILD_COMMITS = [
  buildCommits(101, ['m1', 'm2', 'c1']),
  buildCommits(102, ['m3', 'm4']),
  buildCommits(201, ['m5', 'm3', 'c2']),
  buildCommits(103, ['m6', 'm7', 'm8']),
  buildCommits(202, ['m9', 'm10']),
  buildCommits(104, ['m11', 'm12', 'c3']),
];

const INCIDENTS = [
  incident({ id: 9001, created: '2026-03-03T13:00Z', completed: '2026-03-03T17:00Z' }),
  incident({ id: 9002, created: '2026-03-10T09:00Z', completed: '2026-03-11T09:00Z', link: 'W3' }),
  incident({ id: 9003, created: '2026-03-02T06:00Z', completed: '2026-03-02T12:00Z' }),
];

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
    expect(lead.samples.find((s) => s.changeId === 'pr:repo:7')?.parts).toEqual({
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
