import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../../../service/src/domain/delivery.ts';
import {
  computeDeliveryMetrics,
  type IncidentAttribution,
} from '../../../../service/src/metrics/delivery/index.ts';
import { deliveryInput, deployment, incident } from './fixtures.ts';

/** Two production stages of build 1, one of build 2, a failed build 3, a staging-only build 4, a release. */
const DEPLOYMENTS = [
  deployment({ id: 'b1-west', finished: '2026-03-02T10:00Z', build: 1 }),
  deployment({ id: 'b1-east', finished: '2026-03-02T12:00Z', build: 1, stage: 'DeployEast' }),
  deployment({ id: 'b2', finished: '2026-03-04T10:00Z', build: 2 }),
  deployment({ id: 'b3-failed', finished: '2026-03-05T09:00Z', build: 3, outcome: 'failed' }),
  deployment({ id: 'b4-staging', finished: '2026-03-05T10:00Z', build: 4, environment: 'Staging' }),
  {
    ...deployment({ id: 'r77', finished: '2026-03-03T10:00Z', build: 8, source: 'classicRelease' }),
    releaseId: 77,
  },
  {
    ...deployment({
      id: 'contoso-r77',
      finished: '2026-03-03T11:00Z',
      build: 9,
      source: 'classicRelease',
      project: 'Contoso',
    }),
    releaseId: 77,
  },
];

const cases: { name: string; incident: IncidentRecord; attribution: IncidentAttribution }[] = [
  {
    name: 'an artifact link wins over the tag and over the time rule',
    incident: incident({
      id: 1,
      created: '2026-03-06T10:00Z',
      link: 'b2',
      artifacts: [{ kind: 'build', id: 1 }],
    }),
    attribution: { incidentId: 1, status: 'attributed', deploymentId: 'b1-east', via: 'artifactLink' },
  },
  {
    name: "of a linked build's production stages, the last one finished before the incident",
    incident: incident({ id: 2, created: '2026-03-02T11:00Z', artifacts: [{ kind: 'build', id: 1 }] }),
    attribution: { incidentId: 2, status: 'attributed', deploymentId: 'b1-west', via: 'artifactLink' },
  },
  {
    name: 'a linked build deployed only after the incident was raised: its first production deployment',
    incident: incident({ id: 3, created: '2026-03-01T10:00Z', artifacts: [{ kind: 'build', id: 2 }] }),
    attribution: { incidentId: 3, status: 'attributed', deploymentId: 'b2', via: 'artifactLink' },
  },
  {
    name: "a release link names the project's own release of that id",
    incident: incident({ id: 4, created: '2026-03-06T10:00Z', artifacts: [{ kind: 'release', id: 77 }] }),
    attribution: { incidentId: 4, status: 'attributed', deploymentId: 'r77', via: 'artifactLink' },
  },
  {
    name: "another project's release of the same id is that project's",
    incident: incident({
      id: 5,
      created: '2026-03-06T10:00Z',
      project: 'Contoso',
      artifacts: [{ kind: 'release', id: 77 }],
    }),
    attribution: { incidentId: 5, status: 'attributed', deploymentId: 'contoso-r77', via: 'artifactLink' },
  },
  {
    name: 'links to a failed and to a staging-only build name no production deployment: the tag decides',
    incident: incident({
      id: 6,
      created: '2026-03-06T10:00Z',
      link: 'b1-west',
      artifacts: [
        { kind: 'build', id: 3 },
        { kind: 'build', id: 4 },
      ],
    }),
    attribution: { incidentId: 6, status: 'attributed', deploymentId: 'b1-west', via: 'explicitLink' },
  },
  {
    name: 'links to builds never deployed and no tag: the time rule decides',
    incident: incident({ id: 7, created: '2026-03-06T10:00Z', artifacts: [{ kind: 'build', id: 404 }] }),
    attribution: { incidentId: 7, status: 'attributed', deploymentId: 'b2', via: 'lastBefore' },
  },
  {
    name: 'several linked builds: the last production deployment among them before the incident',
    incident: incident({
      id: 8,
      created: '2026-03-05T10:00Z',
      artifacts: [
        { kind: 'build', id: 2 },
        { kind: 'build', id: 1 },
      ],
    }),
    attribution: { incidentId: 8, status: 'attributed', deploymentId: 'b2', via: 'artifactLink' },
  },
  {
    name: 'no artifact link: the tag still wins over the time rule',
    incident: incident({ id: 9, created: '2026-03-06T10:00Z', link: 'b1-west', artifacts: [] }),
    attribution: { incidentId: 9, status: 'attributed', deploymentId: 'b1-west', via: 'explicitLink' },
  },
  {
    name: 'neither link: the last successful production deployment before it',
    incident: incident({ id: 10, created: '2026-03-03T12:00Z' }),
    attribution: { incidentId: 10, status: 'attributed', deploymentId: 'r77', via: 'lastBefore' },
  },
];

describe('incident attribution precedence: artifact link, then tag, then time', () => {
  it.each(cases)('$name', ({ incident: record, attribution }) => {
    const report = computeDeliveryMetrics(deliveryInput({ deployments: DEPLOYMENTS, incidents: [record] }), {
      from: '2026-03-01',
      to: '2026-03-07',
    });
    expect(report.window.incidents).toEqual([attribution]);
  });

  it('the deployment an artifact link names is the one that failed, and recovery runs from it', () => {
    const report = computeDeliveryMetrics(
      deliveryInput({
        deployments: DEPLOYMENTS,
        incidents: [
          incident({
            id: 1,
            created: '2026-03-06T10:00Z',
            completed: '2026-03-06T12:00Z',
            artifacts: [{ kind: 'build', id: 1 }],
          }),
        ],
      }),
      { from: '2026-03-01', to: '2026-03-07' },
    );
    const cfr = report.window.changeFailureRate;
    if (cfr.status !== 'ok') throw new Error(cfr.status);
    expect(cfr.failed).toEqual([{ deploymentId: 'b1-east', incidentIds: [1] }]);
    const recovery = report.window.failedDeploymentRecoveryTime;
    if (recovery.status !== 'ok') throw new Error(recovery.status);
    // 2026-03-02T12:00Z → 2026-03-06T12:00Z
    expect(recovery.medianMs).toBe(96 * 3_600_000);
  });
});
