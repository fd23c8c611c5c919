import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../../../../service/src/domain/delivery.ts';
import { computeDeliveryMetrics } from '../../../../service/src/metrics/delivery/index.ts';
import { deliveryInput, deployment, incident, linksOf, pullRequest } from './fixtures.ts';

const WINDOW = { from: '2026-03-02', to: '2026-03-15' };

describe('explicit statuses instead of zeros', () => {
  const cases: { name: string; deployments: DeploymentRecord[]; expected: unknown }[] = [
    { name: 'no deployment records', deployments: [], expected: { status: 'noDeploymentRecords' } },
    {
      name: 'no production environment',
      deployments: [deployment({ id: 's', finished: '2026-03-03T10:00Z', build: 1, environment: 'Staging' })],
      expected: { status: 'noProductionEnvironment', targetNamesSeen: ['Staging'] },
    },
  ];
  it.each(cases)('$name: every deployment-based figure says so', ({ deployments, expected }) => {
    const { window } = computeDeliveryMetrics(deliveryInput({ deployments }), WINDOW);
    for (const figure of [
      window.deploymentFrequency,
      window.leadTimeForChanges,
      window.changeFailureRate,
      window.deploymentFailureRate,
      window.failedDeploymentRecoveryTime,
      window.reworkRate,
    ]) {
      expect(figure).toEqual(expected);
    }
    expect(window.timeToRestore).toEqual({ status: 'noIncidents' });
  });
});

describe('trends and drill-down', () => {
  const pr = pullRequest({
    id: 1,
    firstCommit: '2026-03-01T09:00Z',
    created: '2026-03-01T10:00Z',
    merged: '2026-03-02T09:00Z',
  });
  const input = deliveryInput({
    timeZone: 'Asia/Tokyo',
    deployments: [
      deployment({ id: 'd1', finished: '2026-03-03T01:00Z', build: 10 }),
      deployment({ id: 'd1-redeploy', finished: '2026-03-10T01:00Z', build: 10 }),
      deployment({ id: 'd2-failed', finished: '2026-03-11T01:00Z', build: 11, outcome: 'failed' }),
    ],
    changes: [pr],
    links: linksOf({ 10: [pr] }),
    incidents: [incident({ id: 7, created: '2026-03-04T00:00Z' })],
  });
  const report = computeDeliveryMetrics(input, {
    ...WINDOW,
    sprints: [
      { id: 's1', name: 'Sprint 1', startDate: '2026-03-02', finishDate: '2026-03-08' },
      { id: 's2', name: 'Sprint 2', startDate: '2026-03-09', finishDate: '2026-03-22' },
    ],
  });

  it('has one entry per Monday-to-Sunday week of the window', () => {
    expect(report.weekly.map((w) => [w.from, w.to])).toEqual([
      ['2026-03-02', '2026-03-08'],
      ['2026-03-09', '2026-03-15'],
    ]);
    expect(report.weekly.map((w) => w.leadTimeForChanges.status)).toEqual(['ok', 'noChanges']);
    expect(report.weekly.map((w) => w.changeFailureRate.status)).toEqual(['ok', 'noIncidents']);
  });

  it('has one entry per sprint, over the sprint dates', () => {
    expect(report.sprints.map((s) => [s.sprintId, s.figures.from, s.figures.to])).toEqual([
      ['s1', '2026-03-02', '2026-03-08'],
      ['s2', '2026-03-09', '2026-03-22'],
    ]);
    const second = report.sprints[1]?.figures.deploymentFailureRate;
    expect(second).toMatchObject({ status: 'ok', rate: 0.5, failedAttemptIds: ['d2-failed'] });
  });

  it('lists each production attempt of the window with its changes and incidents', () => {
    expect(report.deployments).toEqual([
      expect.objectContaining({
        id: 'd1',
        day: '2026-03-03',
        changeIds: ['pr:repo:1'],
        deliveredChangeIds: ['pr:repo:1'],
        incidentIds: [7],
      }),
      expect.objectContaining({
        id: 'd1-redeploy',
        day: '2026-03-10',
        changeIds: ['pr:repo:1'],
        deliveredChangeIds: [],
        incidentIds: [],
      }),
      expect.objectContaining({
        id: 'd2-failed',
        outcome: 'failed',
        changeIds: [],
        deliveredChangeIds: [],
        incidentIds: [],
      }),
    ]);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => computeDeliveryMetrics(input, { from: '2026-03-10', to: '2026-03-01' })).toThrow(RangeError);
  });
});
