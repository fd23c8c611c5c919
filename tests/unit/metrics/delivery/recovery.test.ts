import { describe, expect, it } from 'vitest';
import type { DeploymentRecord, IncidentRecord } from '../../../../service/src/domain/delivery.ts';
import {
  computeDeliveryMetrics,
  leadTimeBand,
  recoveryTimeBand,
  type DoraBand,
  type PeriodFigures,
  type TimeToRestoreResult,
} from '../../../../service/src/metrics/delivery/index.ts';
import { at, DAY, deliveryInput, deployment, HOUR, incident, MINUTE } from './fixtures.ts';

const WINDOW = { from: '2026-03-01', to: '2026-03-07' };
const D1 = deployment({ id: 'd1', finished: '2026-03-02T10:00Z', build: 1 });
const SOURCE = 'DORA 2023 as encoded by Apache DevLake' as const;

interface Case {
  name: string;
  deployments: DeploymentRecord[];
  incidents: IncidentRecord[];
  recovery: PeriodFigures['failedDeploymentRecoveryTime'];
  restore: TimeToRestoreResult;
}

const A = incident({ id: 1, created: '2026-03-02T12:00Z', completed: '2026-03-02T13:30Z' });
const B = incident({ id: 2, created: '2026-03-03T00:00Z', completed: '2026-03-05T10:00Z' });
const EARLY = incident({ id: 3, created: '2026-03-01T08:00Z', completed: '2026-03-01T09:00Z' });
const OPEN = incident({ id: 4, created: '2026-03-03T00:00Z' });

const cases: Case[] = [
  {
    name: 'recovery: completion − deployment finish; restore: completion − creation; medians by nearest rank',
    deployments: [D1],
    incidents: [A, B],
    recovery: {
      status: 'ok',
      medianMs: 3.5 * HOUR,
      samples: [
        {
          incidentId: 1,
          deploymentId: 'd1',
          deploymentFinishedAt: at('2026-03-02T10:00Z'),
          incidentCompletedAt: at('2026-03-02T13:30Z'),
          recoveryMs: 3.5 * HOUR,
        },
        {
          incidentId: 2,
          deploymentId: 'd1',
          deploymentFinishedAt: at('2026-03-02T10:00Z'),
          incidentCompletedAt: at('2026-03-05T10:00Z'),
          recoveryMs: 72 * HOUR,
        },
      ],
      openIncidentIds: [],
      reference: { band: 'high', source: SOURCE },
    },
    restore: {
      status: 'ok',
      medianMs: 1.5 * HOUR,
      samples: [
        {
          incidentId: 1,
          createdAt: at('2026-03-02T12:00Z'),
          completedAt: at('2026-03-02T13:30Z'),
          restoreMs: 1.5 * HOUR,
        },
        {
          incidentId: 2,
          createdAt: at('2026-03-03T00:00Z'),
          completedAt: at('2026-03-05T10:00Z'),
          restoreMs: 58 * HOUR,
        },
      ],
      openIncidentIds: [],
    },
  },
  {
    name: 'an incident before any deployment has a time to restore but no recovery time',
    deployments: [D1],
    incidents: [EARLY],
    recovery: { status: 'noIncidents' },
    restore: {
      status: 'ok',
      medianMs: HOUR,
      samples: [
        {
          incidentId: 3,
          createdAt: at('2026-03-01T08:00Z'),
          completedAt: at('2026-03-01T09:00Z'),
          restoreMs: HOUR,
        },
      ],
      openIncidentIds: [],
    },
  },
  {
    name: 'an open attributed incident: none restored yet',
    deployments: [D1],
    incidents: [OPEN],
    recovery: { status: 'noneRestored', openIncidentIds: [4] },
    restore: { status: 'noneRestored', openIncidentIds: [4] },
  },
  {
    name: 'no incidents at all',
    deployments: [D1],
    incidents: [],
    recovery: { status: 'noIncidents' },
    restore: { status: 'noIncidents' },
  },
  {
    name: 'no production environment: recovery says so; time to restore does not need deployments',
    deployments: [deployment({ id: 's', finished: '2026-03-02T10:00Z', build: 1, environment: 'Staging' })],
    incidents: [A],
    recovery: { status: 'noProductionEnvironment', targetNamesSeen: ['Staging'] },
    restore: {
      status: 'ok',
      medianMs: 1.5 * HOUR,
      samples: [
        {
          incidentId: 1,
          createdAt: at('2026-03-02T12:00Z'),
          completedAt: at('2026-03-02T13:30Z'),
          restoreMs: 1.5 * HOUR,
        },
      ],
      openIncidentIds: [],
    },
  },
];

describe('failed deployment recovery time and time to restore', () => {
  it.each(cases)('$name', ({ deployments, incidents, recovery, restore }) => {
    const report = computeDeliveryMetrics(deliveryInput({ deployments, incidents }), WINDOW);
    expect(report.window.failedDeploymentRecoveryTime).toEqual(recovery);
    expect(report.window.timeToRestore).toEqual(restore);
  });

  it('time to restore counts incidents completed in the period, wherever they were created', () => {
    const report = computeDeliveryMetrics(
      deliveryInput({
        incidents: [incident({ id: 9, created: '2026-02-20T00:00Z', completed: '2026-03-02T00:00Z' })],
      }),
      WINDOW,
    );
    const restore = report.window.timeToRestore;
    if (restore.status !== 'ok') throw new Error(restore.status);
    expect(restore.medianMs).toBe(10 * DAY);
  });
});

describe('reference bands for durations', () => {
  it.each([
    [59 * MINUTE, 'elite'],
    [HOUR, 'high'],
    [23 * HOUR, 'high'],
    [DAY, 'medium'],
    [7 * DAY - 1, 'medium'],
    [7 * DAY, 'low'],
  ] as [number, DoraBand][])('recovery of %i ms is %s', (ms, band) => {
    expect(recoveryTimeBand(ms).band).toBe(band);
  });
  it.each([
    [23 * HOUR, 'elite'],
    [DAY, 'high'],
    [7 * DAY - 1, 'high'],
    [7 * DAY, 'medium'],
    [30 * DAY - 1, 'medium'],
    [30 * DAY, 'low'],
  ] as [number, DoraBand][])('lead time of %i ms is %s', (ms, band) => {
    expect(leadTimeBand(ms).band).toBe(band);
  });
});
