import { describe, expect, it } from 'vitest';
import type { DeploymentRecord, IncidentRecord } from '../../../../service/src/domain/delivery.ts';
import {
  changeFailureRateBand,
  computeDeliveryMetrics,
  type ChangeFailureRateResult,
  type DeploymentFailureRateResult,
  type DoraBand,
} from '../../../../service/src/metrics/delivery/index.ts';
import { deliveryInput, deployment, incident } from './fixtures.ts';

const WINDOW = { from: '2026-03-01', to: '2026-03-07' };
const FOUR = [1, 2, 3, 4].map((n) =>
  deployment({ id: `d${n}`, finished: `2026-03-0${n + 1}T10:00Z`, build: n }),
);

describe('change failure rate', () => {
  const cases: {
    name: string;
    deployments: DeploymentRecord[];
    incidents: IncidentRecord[];
    expected: ChangeFailureRateResult;
  }[] = [
    {
      name: 'deployments with at least one attributed incident ÷ successful deployments',
      deployments: FOUR,
      incidents: [
        incident({ id: 11, created: '2026-03-03T12:00Z' }),
        incident({ id: 12, created: '2026-03-03T13:00Z' }),
        incident({ id: 13, created: '2026-03-06T12:00Z' }),
      ],
      expected: {
        status: 'ok',
        rate: 0.5,
        failedDeployments: 2,
        successfulDeployments: 4,
        failed: [
          { deploymentId: 'd2', incidentIds: [11, 12] },
          { deploymentId: 'd4', incidentIds: [13] },
        ],
        reference: { band: 'low', source: 'DORA 2023 as encoded by Apache DevLake' },
      },
    },
    {
      name: 'no attributed incident is "no incidents", not 0%',
      deployments: FOUR,
      incidents: [incident({ id: 11, created: '2026-02-01T12:00Z' })],
      expected: { status: 'noIncidents', successfulDeployments: 4 },
    },
    {
      name: 'no successful production deployment in the window is "no deployments"',
      deployments: [deployment({ id: 'f', finished: '2026-03-02T10:00Z', build: 1, outcome: 'failed' })],
      incidents: [],
      expected: { status: 'noDeployments' },
    },
  ];
  it.each(cases)('$name', ({ deployments, incidents, expected }) => {
    const report = computeDeliveryMetrics(deliveryInput({ deployments, incidents }), WINDOW);
    expect(report.window.changeFailureRate).toEqual(expected);
  });

  it.each([
    [1, 'elite'],
    [2, 'high'],
    [3, 'medium'],
    [4, 'low'],
  ] as [number, DoraBand][])('%i failed of 20 is %s (≤5%, ≤10%, ≤15%, >15%)', (failed, band) => {
    expect(changeFailureRateBand(failed / 20).band).toBe(band);
  });
});

describe('deployment failure rate', () => {
  const cases: { name: string; deployments: DeploymentRecord[]; expected: DeploymentFailureRateResult }[] = [
    {
      name: 'failed then succeeded attempts: failed attempts ÷ attempts that finished, canceled included',
      deployments: [
        deployment({ id: 'a1', finished: '2026-03-02T10:00Z', build: 1, outcome: 'failed' }),
        deployment({ id: 'a2', finished: '2026-03-02T11:00Z', build: 1, attempt: 2 }),
        deployment({ id: 'b', finished: '2026-03-03T10:00Z', build: 2, outcome: 'canceled' }),
        deployment({ id: 'c', finished: '2026-03-04T10:00Z', build: 3, outcome: 'succeededWithIssues' }),
        deployment({ id: 'skipped', finished: '2026-03-04T10:00Z', build: 3, outcome: 'notRun' }),
        deployment({ id: 'running', finished: null, build: 4, outcome: 'inProgress' }),
      ],
      expected: {
        status: 'ok',
        rate: 0.25,
        failedAttempts: 1,
        attempts: 4,
        canceledAttempts: 1,
        failedAttemptIds: ['a1'],
      },
    },
    {
      name: 'only failures is 100%, even with no successful deployment',
      deployments: [deployment({ id: 'x', finished: '2026-03-02T10:00Z', build: 1, outcome: 'failed' })],
      expected: {
        status: 'ok',
        rate: 1,
        failedAttempts: 1,
        attempts: 1,
        canceledAttempts: 0,
        failedAttemptIds: ['x'],
      },
    },
    {
      name: 'no attempt in the window is "no deployments"',
      deployments: [deployment({ id: 'x', finished: '2026-02-02T10:00Z', build: 1, outcome: 'failed' })],
      expected: { status: 'noDeployments' },
    },
  ];
  it.each(cases)('$name', ({ deployments, expected }) => {
    const report = computeDeliveryMetrics(deliveryInput({ deployments }), WINDOW);
    expect(report.window.deploymentFailureRate).toEqual(expected);
  });
});
