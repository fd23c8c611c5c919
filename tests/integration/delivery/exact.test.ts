/**
 * Every delivery figure of the hand-made data set (deliveryApiSeed.ts) for the whole project, written out
 * literally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  changeFailureRateResponseSchema,
  deliveryDeploymentsResponseSchema,
  deliveryLeadTimeResponseSchema,
  deliverySummaryResponseSchema,
  deliveryTrendResponseSchema,
  deploymentFailureRateResponseSchema,
  deploymentFrequencyResponseSchema,
  recoveryTimeResponseSchema,
  reworkRateResponseSchema,
} from '../../../service/src/contract/index.ts';
import type { DeliveryApi } from './server.ts';
import { SHOP, startHandMadeDeliveryApi, WINDOW } from './seed.ts';

let api: DeliveryApi;
const SOURCE = 'DORA 2023 as encoded by Apache DevLake';
const band = (name: string) => ({ band: name, source: SOURCE });

function answer<S extends z.ZodType>(
  schema: S,
  path: string,
  options: { project?: string; team?: string; query?: string } = {},
): Promise<z.output<S>> {
  return api.answer(
    schema,
    api.deliveryUrl(options.project ?? SHOP, path, options.query ?? WINDOW, options.team),
  );
}

beforeAll(async () => {
  api = await startHandMadeDeliveryApi();
});

afterAll(async () => {
  await api.close();
});

describe('the hand-made project, whole', () => {
  it('summary: every figure with its status and band beside it', async () => {
    const summary = await answer(deliverySummaryResponseSchema, 'summary');
    expect(summary).toMatchObject({
      organization: 'contoso',
      project: SHOP,
      team: null,
      from: '2026-05-04',
      to: '2026-05-17',
      timeZone: 'UTC',
      scope: { kind: 'project' },
      production: { environmentPattern: 'prod', stagePattern: 'prod' },
      deploymentData: { status: 'ok' },
      syncedAt: null,
    });
    expect(summary.window).toEqual({
      from: '2026-05-04',
      to: '2026-05-17',
      deploymentFrequency: {
        status: 'ok',
        successfulDeployments: 4,
        deploymentDays: 4,
        daysInPeriod: 14,
        deploymentsPerDay: 4 / 14,
        medianDeploymentDaysPerWeek: 1,
        medianDeploymentDaysPerMonth: 4,
        reference: band('high'),
      },
      leadTimeForChanges: {
        status: 'ok',
        changes: 5,
        medianHours: 24,
        p85Hours: 26,
        partMedians: {
          codingHours: 2,
          reviewHours: 6,
          waitingForDeploymentHours: 2,
          codingToDeploymentHours: 24,
        },
        reference: band('high'),
      },
      changeFailureRate: {
        status: 'ok',
        rate: 0.75,
        failedDeployments: 3,
        successfulDeployments: 4,
        reference: band('low'),
      },
      deploymentFailureRate: {
        status: 'ok',
        rate: 0.2,
        failedAttempts: 1,
        attempts: 5,
        canceledAttempts: 0,
        reference: null,
      },
      failedDeploymentRecoveryTime: {
        status: 'ok',
        medianHours: 6,
        restoredIncidents: 2,
        openIncidentIds: [52],
        reference: band('high'),
      },
      timeToRestore: {
        status: 'ok',
        medianHours: 4,
        restoredIncidents: 2,
        openIncidentIds: [52],
        reference: null,
      },
      reworkRate: {
        status: 'ok',
        rate: 0.5,
        reworkDeployments: 2,
        successfulDeployments: 4,
        reference: null,
      },
      incidents: { created: 3, attributed: 3, unattributed: 0 },
    });
    expect(summary.referenceTable.source).toBe(SOURCE);
    expect(summary.referenceTable.rows.map((row) => row.figure)).toEqual([
      'deploymentFrequency',
      'leadTimeForChanges',
      'changeFailureRate',
      'failedDeploymentRecoveryTime',
    ]);
  });

  it('deployment-frequency: per day, per week and per month', async () => {
    const { deploymentFrequency } = await answer(deploymentFrequencyResponseSchema, 'deployment-frequency');
    if (deploymentFrequency.status !== 'ok') throw new Error(deploymentFrequency.status);
    expect(deploymentFrequency.daily.filter((day) => day.deployments > 0)).toEqual([
      { day: '2026-05-05', deployments: 1, deploymentIds: ['environment:101'] },
      { day: '2026-05-06', deployments: 1, deploymentIds: ['environment:103'] },
      { day: '2026-05-07', deployments: 1, deploymentIds: ['classicRelease:201'] },
      { day: '2026-05-12', deployments: 1, deploymentIds: ['environment:104'] },
    ]);
    expect(deploymentFrequency.daily).toHaveLength(14);
    expect(deploymentFrequency.weekly).toEqual([
      { weekStart: '2026-05-04', deploymentDays: 3, daysInPeriod: 7 },
      { weekStart: '2026-05-11', deploymentDays: 1, daysInPeriod: 7 },
    ]);
    expect(deploymentFrequency.monthly).toEqual([{ month: '2026-05', deploymentDays: 4, daysInPeriod: 14 }]);
  });

  it("lead-time: median, P85 and each change's parts", async () => {
    const { leadTimeForChanges } = await answer(deliveryLeadTimeResponseSchema, 'lead-time');
    if (leadTimeForChanges.status !== 'ok') throw new Error(leadTimeForChanges.status);
    const parts = [...leadTimeForChanges.samples]
      .sort((a, b) => a.changeId.localeCompare(b.changeId))
      .map((s) => [
        s.changeId,
        s.deploymentId,
        s.leadTimeHours,
        s.codingHours,
        s.reviewHours,
        s.waitingForDeploymentHours,
        s.codingToDeploymentHours,
      ]);
    expect(parts).toEqual([
      ['commit:repo-checkout:c2', 'environment:103', 24, null, null, null, 24],
      ['pr:repo-checkout:1', 'environment:101', 26, 2, 22, 2, null],
      ['pr:repo-checkout:3', 'environment:103', 16, 4, 6, 6, null],
      ['pr:repo-checkout:5', 'environment:104', 24, 2, 20, 2, null],
      ['pr:repo-search:4', 'classicRelease:201', 24, 1, 5, 18, null],
    ]);
    const first = leadTimeForChanges.samples.find((s) => s.changeId === 'pr:repo-checkout:1');
    expect(first).toMatchObject({
      kind: 'pullRequest',
      pipelineKey: 'Shop/build/10',
      firstCommitAt: '2026-05-04T08:00:00.000Z',
      deployedAt: '2026-05-05T10:00:00.000Z',
    });
  });

  it('change-failure-rate with the deployment failure rate beside it, and deployment-failure-rate', async () => {
    const change = await answer(changeFailureRateResponseSchema, 'change-failure-rate');
    expect(change.changeFailureRate).toMatchObject({
      status: 'ok',
      rate: 0.75,
      failed: [
        { deploymentId: 'environment:101', incidentIds: [52] },
        { deploymentId: 'environment:103', incidentIds: [50] },
        { deploymentId: 'classicRelease:201', incidentIds: [51] },
      ],
    });
    expect(change.deploymentFailureRate).toMatchObject({ status: 'ok', rate: 0.2, attempts: 5 });
    const failure = await answer(deploymentFailureRateResponseSchema, 'deployment-failure-rate');
    expect(failure.deploymentFailureRate).toEqual({
      status: 'ok',
      rate: 0.2,
      failedAttempts: 1,
      attempts: 5,
      canceledAttempts: 0,
      reference: null,
      failedAttemptIds: ['environment:102'],
    });
  });

  it('recovery-time: failed deployment recovery time and time to restore, sample by sample', async () => {
    const recovery = await answer(recoveryTimeResponseSchema, 'recovery-time');
    expect(recovery.failedDeploymentRecoveryTime).toEqual({
      status: 'ok',
      medianHours: 6,
      restoredIncidents: 2,
      openIncidentIds: [52],
      reference: band('high'),
      samples: [
        {
          incidentId: 50,
          deploymentId: 'environment:103',
          deploymentFinishedAt: '2026-05-06T12:00:00.000Z',
          incidentCompletedAt: '2026-05-06T18:00:00.000Z',
          recoveryHours: 6,
        },
        {
          incidentId: 51,
          deploymentId: 'classicRelease:201',
          deploymentFinishedAt: '2026-05-07T09:00:00.000Z',
          incidentCompletedAt: '2026-05-09T10:00:00.000Z',
          recoveryHours: 49,
        },
      ],
    });
    expect(recovery.timeToRestore).toMatchObject({
      status: 'ok',
      medianHours: 4,
      openIncidentIds: [52],
      samples: [
        { incidentId: 50, restoreHours: 4 },
        { incidentId: 51, restoreHours: 24 },
      ],
    });
  });

  it('rework-rate: the deployments and the links that make them rework', async () => {
    const { reworkRate } = await answer(reworkRateResponseSchema, 'rework-rate');
    expect(reworkRate).toEqual({
      status: 'ok',
      rate: 0.5,
      reworkDeployments: 2,
      successfulDeployments: 4,
      reference: null,
      deployments: [
        {
          deploymentId: 'environment:103',
          evidence: [
            {
              changeId: 'pr:repo-checkout:3',
              workItemId: 9,
              linkedTo: 'bug',
              workItemUrl: 'https://dev.azure.com/contoso/Shop/_workitems/edit/9',
            },
          ],
        },
        {
          deploymentId: 'environment:104',
          evidence: [
            {
              changeId: 'pr:repo-checkout:5',
              workItemId: 50,
              linkedTo: 'incident',
              workItemUrl: 'https://dev.azure.com/contoso/Shop/_workitems/edit/50',
            },
          ],
        },
      ],
    });
  });

  it('answers concurrent identical requests from one computation', async () => {
    const computations = api.computations();
    const query = 'from=2026-02-01&to=2026-03-31';
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => answer(deliverySummaryResponseSchema, 'summary', { query })),
    );
    expect(api.computations() - computations).toBe(1);
    for (const other of answers) expect(other).toEqual(answers[0]);
  });

  it('computes a view once for all its endpoints and reads records once for the project and its teams', async () => {
    const loads = api.recordLoads();
    const computations = api.computations();
    const query = 'from=2026-01-01&to=2026-03-31';
    await answer(deliverySummaryResponseSchema, 'summary', { team: 'Checkout', query });
    // Earlier tests may already have read this version of the project's records: at most one read.
    expect(api.recordLoads() - loads).toBeLessThanOrEqual(1);
    expect(api.computations() - computations).toBe(1);
    const afterFirst = api.recordLoads();
    await answer(deploymentFrequencyResponseSchema, 'deployment-frequency', { team: 'Checkout', query });
    await answer(deliverySummaryResponseSchema, 'summary', { query });
    expect(api.recordLoads()).toBe(afterFirst);
    expect(api.computations() - computations).toBe(2);
  });

  it('prepares a scope once per zone: the hub opening its three views, then other ranges, share it', async () => {
    // A zone no earlier test asked for, so the preparation is this test's own.
    const zone = 'timeZone=Pacific/Auckland';
    const preparations = api.preparations();
    const computations = api.computations();
    const query = `${WINDOW}&${zone}`;
    const [summary, , deployments] = await Promise.all([
      answer(deliverySummaryResponseSchema, 'summary', { query }),
      answer(deliveryTrendResponseSchema, 'trend', { query }),
      answer(deliveryDeploymentsResponseSchema, 'deployments', { query: `${query}&offset=0&limit=50` }),
    ]);
    expect(api.preparations() - preparations).toBe(1);
    expect(api.computations() - computations).toBe(3);
    expect(summary.timeZone).toBe('Pacific/Auckland');
    expect(deployments.page.total).toBeGreaterThan(0);
    await answer(deliverySummaryResponseSchema, 'summary', {
      query: `from=2026-05-04&to=2026-05-10&${zone}`,
    });
    expect(api.preparations() - preparations).toBe(1);
    expect(api.computations() - computations).toBe(4);
    // Another zone has other calendar days: it is prepared again.
    await answer(deliverySummaryResponseSchema, 'summary', {
      query: 'from=2026-05-04&to=2026-05-10&timeZone=Asia/Kolkata',
    });
    expect(api.preparations() - preparations).toBe(2);
  });
});
