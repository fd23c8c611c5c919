/**
 * The hand-made data set (deliveryApiSeed.ts) drilled down, and per team: only the mapped pipelines and
 * repositories, with the project's incidents attributed to their deployments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  changeFailureRateResponseSchema,
  deliveryChangesResponseSchema,
  deliveryDeploymentsResponseSchema,
  deliveryIncidentsResponseSchema,
  deliverySummaryResponseSchema,
  deliveryTrendResponseSchema,
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

describe('drill-down', () => {
  it('drill-down: deployments, changes and incidents with links into Azure DevOps', async () => {
    const { items: deployments } = await answer(deliveryDeploymentsResponseSchema, 'deployments');
    expect(deployments.map((d) => [d.id, d.outcome, d.finishedOn])).toEqual([
      ['environment:101', 'succeeded', '2026-05-05'],
      ['environment:102', 'failed', '2026-05-06'],
      ['environment:103', 'succeeded', '2026-05-06'],
      ['classicRelease:201', 'succeeded', '2026-05-07'],
      ['environment:104', 'succeeded', '2026-05-12'],
    ]);
    expect(deployments[2]).toMatchObject({
      pipelineKind: 'build',
      pipelineId: 10,
      target: 'production',
      attempt: 2,
      buildUrl: 'https://dev.azure.com/contoso/Shop/_build/results?buildId=1002',
      releaseUrl: null,
      commitUrl: 'https://dev.azure.com/contoso/Shop/_git/repo-checkout/commit/m3',
      deliveredChangeIds: expect.arrayContaining(['pr:repo-checkout:3', 'commit:repo-checkout:c2']),
      incidentIds: [50],
    });
    expect(deployments[3]).toMatchObject({
      pipelineKind: 'release',
      target: 'Prod',
      releaseUrl: 'https://dev.azure.com/contoso/Shop/_releaseProgress?releaseId=501',
      buildUrl: 'https://dev.azure.com/contoso/Shop/_build/results?buildId=2001',
    });
    // The failed attempt's build is redeployed by attempt 2: same changes, delivered only by the success.
    expect(deployments[1]?.deliveredChangeIds).toEqual([]);
    expect([...(deployments[1]?.changeIds ?? [])].sort()).toEqual([
      'commit:repo-checkout:c2',
      'pr:repo-checkout:3',
    ]);

    const { items: changes } = await answer(deliveryChangesResponseSchema, 'changes');
    expect(changes).toHaveLength(5);
    expect(changes.find((c) => c.id === 'pr:repo-checkout:1')).toEqual({
      id: 'pr:repo-checkout:1',
      kind: 'pullRequest',
      repository: 'repo-checkout',
      pullRequestId: 1,
      commitSha: 'm1',
      targetBranch: 'refs/heads/main',
      firstCommitAt: '2026-05-04T08:00:00.000Z',
      pullRequestCreatedAt: '2026-05-04T10:00:00.000Z',
      mergedAt: '2026-05-05T08:00:00.000Z',
      deploymentId: 'environment:101',
      pipelineKey: 'Shop/build/10',
      deployedAt: '2026-05-05T10:00:00.000Z',
      deployedOn: '2026-05-05',
      leadTimeHours: 26,
      codingHours: 2,
      reviewHours: 22,
      waitingForDeploymentHours: 2,
      codingToDeploymentHours: null,
      workItemIds: [7],
      url: 'https://dev.azure.com/contoso/Shop/_git/repo-checkout/pullrequest/1',
      deploymentUrl: 'https://dev.azure.com/contoso/Shop/_build/results?buildId=1001',
      workItemUrls: ['https://dev.azure.com/contoso/Shop/_workitems/edit/7'],
    });
    expect(changes.find((c) => c.id === 'commit:repo-checkout:c2')).toMatchObject({
      kind: 'commit',
      pullRequestId: null,
      commitSha: 'c2',
      url: 'https://dev.azure.com/contoso/Shop/_git/repo-checkout/commit/c2',
      codingToDeploymentHours: 24,
    });

    const { items: incidents } = await answer(deliveryIncidentsResponseSchema, 'incidents');
    expect(
      incidents.map((i) => [i.workItemId, i.status, i.via, i.deploymentId, i.recoveryHours, i.restoreHours]),
    ).toEqual([
      [50, 'attributed', 'lastBefore', 'environment:103', 6, 4],
      [51, 'attributed', 'lastBefore', 'classicRelease:201', 49, 24],
      [52, 'attributed', 'explicitLink', 'environment:101', null, null],
    ]);
    expect(incidents[0]).toMatchObject({
      title: 'Incident: payments time out',
      url: 'https://dev.azure.com/contoso/Shop/_workitems/edit/50',
      createdAt: '2026-05-06T14:00:00.000Z',
      createdOn: '2026-05-06',
      completedAt: '2026-05-06T18:00:00.000Z',
      reason: null,
      deploymentUrl: 'https://dev.azure.com/contoso/Shop/_build/results?buildId=1002',
    });
  });
});

describe('per team: only the mapped pipelines and repositories', () => {
  it("Checkout: its three deployments, and only the project's incidents attributed to them", async () => {
    const summary = await answer(deliverySummaryResponseSchema, 'summary', { team: 'checkout' });
    expect(summary.team).toBe('checkout');
    expect(summary.scope).toEqual({
      kind: 'team',
      buildDefinitionIds: [10],
      releaseDefinitionIds: [],
      repositories: ['repo-checkout'],
    });
    expect(summary.window).toMatchObject({
      deploymentFrequency: {
        status: 'ok',
        successfulDeployments: 3,
        deploymentsPerDay: 3 / 14,
        medianDeploymentDaysPerWeek: 1,
      },
      leadTimeForChanges: {
        status: 'ok',
        changes: 4,
        medianHours: 24,
        p85Hours: 26,
        reference: band('high'),
      },
      changeFailureRate: {
        status: 'ok',
        rate: 2 / 3,
        failedDeployments: 2,
        successfulDeployments: 3,
        reference: band('low'),
      },
      deploymentFailureRate: { status: 'ok', rate: 0.25, failedAttempts: 1, attempts: 4 },
      failedDeploymentRecoveryTime: {
        status: 'ok',
        medianHours: 6,
        restoredIncidents: 1,
        openIncidentIds: [52],
      },
      timeToRestore: { status: 'ok', medianHours: 4, restoredIncidents: 1, openIncidentIds: [52] },
      reworkRate: { status: 'ok', rate: 2 / 3, reworkDeployments: 2, successfulDeployments: 3 },
      incidents: { created: 2, attributed: 2, unattributed: 0 },
    });
    // Incident 51 followed Search's deployment: the team-only rule would have blamed environment:103.
    const { items } = await answer(deliveryIncidentsResponseSchema, 'incidents', { team: 'Checkout' });
    expect(items.map((i) => [i.workItemId, i.via, i.deploymentId])).toEqual([
      [50, 'lastBefore', 'environment:103'],
      [52, 'explicitLink', 'environment:101'],
    ]);
    const { changeFailureRate } = await answer(changeFailureRateResponseSchema, 'change-failure-rate', {
      team: 'Checkout',
    });
    expect(changeFailureRate).toMatchObject({
      failed: [
        { deploymentId: 'environment:101', incidentIds: [52] },
        { deploymentId: 'environment:103', incidentIds: [50] },
      ],
    });
  });

  it('Search: one deployment, medium frequency band from the monthly median', async () => {
    const summary = await answer(deliverySummaryResponseSchema, 'summary', { team: 'Search' });
    expect(summary.window).toMatchObject({
      deploymentFrequency: {
        status: 'ok',
        successfulDeployments: 1,
        medianDeploymentDaysPerWeek: 0,
        medianDeploymentDaysPerMonth: 1,
        reference: band('medium'),
      },
      leadTimeForChanges: { status: 'ok', changes: 1, medianHours: 24, p85Hours: 24 },
      changeFailureRate: { status: 'ok', rate: 1, reference: band('low') },
      deploymentFailureRate: { status: 'ok', rate: 0, attempts: 1 },
      failedDeploymentRecoveryTime: { status: 'ok', medianHours: 49, reference: band('medium') },
      timeToRestore: { status: 'ok', medianHours: 24 },
      reworkRate: { status: 'ok', rate: 0, reworkDeployments: 0, successfulDeployments: 1 },
    });
    const { items } = await answer(deliveryDeploymentsResponseSchema, 'deployments', { team: 'Search' });
    expect(items.map((d) => d.id)).toEqual(['classicRelease:201']);
  });

  it("trend: per week and per sprint of the team's iterations overlapping the range", async () => {
    const trend = await answer(deliveryTrendResponseSchema, 'trend', { team: 'Checkout' });
    expect(trend.weekly.map((week) => [week.from, week.to, week.deploymentFrequency.status])).toEqual([
      ['2026-05-04', '2026-05-10', 'ok'],
      ['2026-05-11', '2026-05-17', 'ok'],
    ]);
    expect(trend.weekly[0]?.deploymentFrequency).toMatchObject({ successfulDeployments: 2 });
    expect(trend.weekly[1]?.changeFailureRate).toMatchObject({
      status: 'noIncidents',
      successfulDeployments: 1,
    });
    if (trend.sprints.status !== 'ok') throw new Error(trend.sprints.status);
    expect(trend.sprints.items.map((s) => [s.sprintId, s.name, s.figures.from, s.figures.to])).toEqual([
      ['sprint-1', 'Sprint 1', '2026-05-04', '2026-05-08'],
      ['sprint-2', 'Sprint 2', '2026-05-11', '2026-05-22'],
    ]);
    expect(trend.sprints.items[0]?.figures.deploymentFrequency).toMatchObject({ successfulDeployments: 2 });
    expect(trend.sprints.items[1]?.figures.deploymentFrequency).toMatchObject({ successfulDeployments: 1 });

    const project = await answer(deliveryTrendResponseSchema, 'trend');
    expect(project.sprints.status).toBe('noTeam');
    const later = await answer(deliveryTrendResponseSchema, 'trend', {
      team: 'Checkout',
      query: 'from=2026-07-01&to=2026-07-31',
    });
    expect(later.sprints.status).toBe('noSprints');
  });

  it('a team without a mapping is refused with what is missing, never zeros', async () => {
    const unmapped = await api.json(api.deliveryUrl(SHOP, 'summary', WINDOW, 'Ops'));
    expect(unmapped.status).toBe(409);
    expect(unmapped.body).toMatchObject({
      error: {
        code: 'team_not_mapped',
        parameter: 'team',
        message: expect.stringMatching(/Team "Ops" has no delivery mapping.*pipelines.*repositories/),
      },
    });
    const unknown = await api.json(api.deliveryUrl(SHOP, 'summary', WINDOW, 'Nobody'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      error: { code: 'not_found', message: expect.stringContaining('"Nobody"') },
    });
  });
});
