import { describe, expect, it } from 'vitest';
import type { DeploymentRecord } from '../../../../service/src/domain/delivery.ts';
import { computeDeliveryMetrics, type DoraBand } from '../../../../service/src/metrics/delivery/index.ts';
import { deliveryInput, deployment } from './fixtures.ts';

let next = 0;
/** A successful production deployment finishing at each instant. */
function deploymentsAt(...instants: string[]): DeploymentRecord[] {
  return instants.map((finished) => deployment({ id: `d${++next}`, finished, build: next }));
}

interface Case {
  name: string;
  deployments: DeploymentRecord[];
  timeZone?: string;
  from: string;
  to: string;
  successfulDeployments: number;
  deploymentDays: number;
  medianDaysPerWeek: number;
  medianDaysPerMonth: number;
  band: DoraBand;
  busyDays: Record<string, number>;
}

const cases: Case[] = [
  {
    name: 'several deployments on one day make one deployment day',
    deployments: deploymentsAt('2026-03-03T01:00Z', '2026-03-03T09:00Z', '2026-03-03T22:00Z'),
    from: '2026-03-02',
    to: '2026-03-08',
    successfulDeployments: 3,
    deploymentDays: 1,
    medianDaysPerWeek: 1,
    medianDaysPerMonth: 1,
    band: 'high',
    busyDays: { '2026-03-03': 3 },
  },
  {
    name: 'failed and canceled attempts are not deployments',
    deployments: [
      deployment({ id: 'f', finished: '2026-03-03T01:00Z', build: 1, outcome: 'failed' }),
      deployment({ id: 'c', finished: '2026-03-04T01:00Z', build: 1, outcome: 'canceled' }),
      deployment({
        id: 's',
        finished: '2026-03-05T01:00Z',
        build: 1,
        attempt: 2,
        outcome: 'succeededWithIssues',
      }),
    ],
    from: '2026-03-02',
    to: '2026-03-08',
    successfulDeployments: 1,
    deploymentDays: 1,
    medianDaysPerWeek: 1,
    medianDaysPerMonth: 1,
    band: 'high',
    busyDays: { '2026-03-05': 1 },
  },
  {
    name: 'UTC: 14:00Z and 16:00Z on Monday are the same day; 15:30Z Sunday stays in the week',
    deployments: deploymentsAt('2026-03-02T14:00Z', '2026-03-02T16:00Z', '2026-03-08T15:30Z'),
    timeZone: 'UTC',
    from: '2026-03-02',
    to: '2026-03-15',
    successfulDeployments: 3,
    deploymentDays: 2,
    medianDaysPerWeek: 0,
    medianDaysPerMonth: 2,
    band: 'medium',
    busyDays: { '2026-03-02': 2, '2026-03-08': 1 },
  },
  {
    name: 'Asia/Tokyo: 16:00Z is already Tuesday, and 15:30Z Sunday is Monday of the next week',
    deployments: deploymentsAt('2026-03-02T14:00Z', '2026-03-02T16:00Z', '2026-03-08T15:30Z'),
    timeZone: 'Asia/Tokyo',
    from: '2026-03-02',
    to: '2026-03-15',
    successfulDeployments: 3,
    deploymentDays: 3,
    medianDaysPerWeek: 1,
    medianDaysPerMonth: 3,
    band: 'high',
    busyDays: { '2026-03-02': 1, '2026-03-03': 1, '2026-03-09': 1 },
  },
  {
    name: 'median over partial and empty weeks: [2, 5, 3, 0] → 2 (nearest rank)',
    deployments: deploymentsAt(
      ...['04', '06'].map((d) => `2026-03-${d}T10:00Z`),
      ...['09', '10', '11', '12', '13'].map((d) => `2026-03-${d}T10:00Z`),
      ...['16', '18', '20'].map((d) => `2026-03-${d}T10:00Z`),
    ),
    from: '2026-03-04',
    to: '2026-03-24',
    successfulDeployments: 10,
    deploymentDays: 10,
    medianDaysPerWeek: 2,
    medianDaysPerMonth: 10,
    band: 'high',
    busyDays: { '2026-03-04': 1, '2026-03-13': 1, '2026-03-20': 1 },
  },
  {
    name: 'five deployment days every week is elite',
    deployments: deploymentsAt(
      ...['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'].map((d) => `2026-03-${d}T10:00Z`),
    ),
    from: '2026-03-02',
    to: '2026-03-15',
    successfulDeployments: 10,
    deploymentDays: 10,
    medianDaysPerWeek: 5,
    medianDaysPerMonth: 10,
    band: 'elite',
    busyDays: { '2026-03-02': 1 },
  },
  {
    name: 'one deployment day a month is medium',
    deployments: deploymentsAt('2026-01-15T10:00Z', '2026-02-15T10:00Z', '2026-03-15T10:00Z'),
    from: '2026-01-01',
    to: '2026-03-31',
    successfulDeployments: 3,
    deploymentDays: 3,
    medianDaysPerWeek: 0,
    medianDaysPerMonth: 1,
    band: 'medium',
    busyDays: { '2026-02-15': 1 },
  },
  {
    name: 'fewer than one a month is low',
    deployments: deploymentsAt('2026-02-15T10:00Z'),
    from: '2026-01-01',
    to: '2026-03-31',
    successfulDeployments: 1,
    deploymentDays: 1,
    medianDaysPerWeek: 0,
    medianDaysPerMonth: 0,
    band: 'low',
    busyDays: { '2026-02-15': 1 },
  },
];

describe('deployment frequency', () => {
  it.each(cases)('$name', (c) => {
    const report = computeDeliveryMetrics(
      deliveryInput({ deployments: c.deployments, timeZone: c.timeZone ?? 'UTC' }),
      { from: c.from, to: c.to },
    );
    const result = report.window.deploymentFrequency;
    if (result.status !== 'ok') throw new Error(`expected a value, got ${result.status}`);
    expect(result.successfulDeployments).toBe(c.successfulDeployments);
    expect(result.deploymentDays).toBe(c.deploymentDays);
    expect(result.medianDeploymentDaysPerWeek).toBe(c.medianDaysPerWeek);
    expect(result.medianDeploymentDaysPerMonth).toBe(c.medianDaysPerMonth);
    expect(result.reference).toEqual({ band: c.band, source: 'DORA 2023 as encoded by Apache DevLake' });
    for (const [day, count] of Object.entries(c.busyDays)) {
      expect(result.daily.find((d) => d.day === day)?.deployments).toBe(count);
    }
    expect(result.deploymentsPerDay).toBeCloseTo(c.successfulDeployments / result.daysInPeriod, 12);
  });

  it('lists weeks Monday to Sunday, clipped to the window, with the deployments behind each day', () => {
    const report = computeDeliveryMetrics(
      deliveryInput({ deployments: [deployment({ id: 'only', finished: '2026-03-04T10:00Z', build: 1 })] }),
      { from: '2026-03-04', to: '2026-03-10' },
    );
    const result = report.window.deploymentFrequency;
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.weekly).toEqual([
      { label: '2026-03-02', deploymentDays: 1, daysInPeriod: 5 },
      { label: '2026-03-09', deploymentDays: 0, daysInPeriod: 2 },
    ]);
    expect(result.daily[0]).toEqual({ day: '2026-03-04', deployments: 1, deploymentIds: ['only'] });
  });

  it('reports "no deployments" rather than zero when production exists but nothing succeeded in the window', () => {
    const report = computeDeliveryMetrics(
      deliveryInput({
        deployments: [
          deployment({ id: 'old', finished: '2026-01-10T10:00Z', build: 1 }),
          deployment({ id: 'failed', finished: '2026-03-03T10:00Z', build: 2, outcome: 'failed' }),
        ],
      }),
      { from: '2026-03-02', to: '2026-03-08' },
    );
    expect(report.window.deploymentFrequency).toEqual({ status: 'noDeployments' });
  });
});
