import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../../../service/src/domain/delivery.ts';
import {
  computeDeliveryMetrics,
  type IncidentAttribution,
} from '../../../../service/src/metrics/delivery/index.ts';
import { deliveryInput, deployment, incident } from './fixtures.ts';

const DEPLOYMENTS = [
  deployment({ id: 'd1', finished: '2026-03-02T10:00Z', build: 1 }),
  deployment({ id: 'd2', finished: '2026-03-04T10:00Z', build: 2 }),
  deployment({ id: 'd3-failed', finished: '2026-03-05T10:00Z', build: 3, outcome: 'failed' }),
  deployment({ id: 'd4-staging', finished: '2026-03-05T11:00Z', build: 3, environment: 'Staging' }),
  deployment({ id: 'contoso', finished: '2026-03-03T10:00Z', build: 9, project: 'Contoso' }),
];

const cases: { name: string; incident: IncidentRecord; attribution: IncidentAttribution }[] = [
  {
    name: 'an incident before any deployment stays unattributed, and says so',
    incident: incident({ id: 1, created: '2026-03-01T10:00Z' }),
    attribution: { incidentId: 1, status: 'unattributed', reason: 'noDeploymentBefore' },
  },
  {
    name: "the last successful production deployment of the incident's project before it was created",
    incident: incident({ id: 2, created: '2026-03-03T12:00Z' }),
    attribution: { incidentId: 2, status: 'attributed', deploymentId: 'd1', via: 'lastBefore' },
  },
  {
    name: 'failed attempts and non-production deployments are passed over',
    incident: incident({ id: 3, created: '2026-03-06T10:00Z' }),
    attribution: { incidentId: 3, status: 'attributed', deploymentId: 'd2', via: 'lastBefore' },
  },
  {
    name: 'a deployment finishing at the very instant of creation is not before it',
    incident: incident({ id: 4, created: '2026-03-04T10:00Z' }),
    attribution: { incidentId: 4, status: 'attributed', deploymentId: 'd1', via: 'lastBefore' },
  },
  {
    name: 'an explicit link to an older deployment wins over the time rule',
    incident: incident({ id: 5, created: '2026-03-06T10:00Z', link: 'd1' }),
    attribution: { incidentId: 5, status: 'attributed', deploymentId: 'd1', via: 'explicitLink' },
  },
  {
    name: 'a link to something that is not a successful production deployment is reported',
    incident: incident({ id: 6, created: '2026-03-06T10:00Z', link: 'd3-failed' }),
    attribution: { incidentId: 6, status: 'unattributed', reason: 'linkedDeploymentNotFound' },
  },
  {
    name: "another project's incident uses that project's pipelines",
    incident: incident({ id: 7, created: '2026-03-06T10:00Z', project: 'Contoso' }),
    attribution: { incidentId: 7, status: 'attributed', deploymentId: 'contoso', via: 'lastBefore' },
  },
];

describe('incident attribution', () => {
  it.each(cases)('$name', ({ incident: record, attribution }) => {
    const report = computeDeliveryMetrics(deliveryInput({ deployments: DEPLOYMENTS, incidents: [record] }), {
      from: '2026-03-01',
      to: '2026-03-07',
    });
    expect(report.window.incidents).toEqual([attribution]);
  });

  it('an explicitly linked older deployment is the one that failed', () => {
    const report = computeDeliveryMetrics(
      deliveryInput({
        deployments: DEPLOYMENTS,
        incidents: [
          incident({ id: 5, created: '2026-03-06T10:00Z', completed: '2026-03-06T12:00Z', link: 'd1' }),
        ],
      }),
      { from: '2026-03-01', to: '2026-03-07' },
    );
    const cfr = report.window.changeFailureRate;
    if (cfr.status !== 'ok') throw new Error(cfr.status);
    expect(cfr.failed).toEqual([{ deploymentId: 'd1', incidentIds: [5] }]);
    const recovery = report.window.failedDeploymentRecoveryTime;
    if (recovery.status !== 'ok') throw new Error(recovery.status);
    // 2026-03-02T10:00Z → 2026-03-06T12:00Z
    expect(recovery.medianMs).toBe(98 * 3_600_000);
  });
});
