/**
 * The delivery API on data the simulator serves, synchronised with the delivery streams (YAML environment
 * deployments, classic releases, pull requests, commits, build changes): every endpoint per project and
 * per team, the figures agreeing with their drill-downs, links into Azure DevOps, ETags across a sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DELIVERY_ENDPOINTS } from '../../../service/src/api/delivery/endpoints.ts';
import {
  changeFailureRateResponseSchema,
  deliveryChangesResponseSchema,
  deliveryDeploymentsResponseSchema,
  deliveryIncidentsResponseSchema,
  deliveryLeadTimeResponseSchema,
  deliverySettingsResponseSchema,
  deliverySummaryResponseSchema,
  deliveryTrendResponseSchema,
  type DeliveryPage,
  deploymentFrequencyResponseSchema,
} from '../../../service/src/contract/index.ts';
import { startSimulatedDeliveryApi, type SimulatedDeliveryApi } from './server.ts';

const RANGE = 'from=2026-04-01&to=2026-05-31';
let api: SimulatedDeliveryApi;
let project: string;
let team: string;
let webRepository: string;

async function answer<S extends z.ZodType>(
  schema: S,
  path: string,
  scope: 'project' | 'team',
  query = RANGE,
) {
  const url = api.deliveryUrl(project, path, query, scope === 'team' ? team : undefined);
  const { status, body } = await api.json(url);
  expect(status, `${path}: ${JSON.stringify(body)}`).toBe(200);
  return schema.parse(body);
}

const SUCCESSFUL = new Set(['succeeded', 'succeededWithIssues']);

beforeAll(async () => {
  api = await startSimulatedDeliveryApi({ seed: 11, scale: 'tiny' });
  project = api.simulator.project;
  team = api.simulator.team;
  // The team owns the YAML pipeline and the repository it builds from; the classic release is another team's.
  const { items } = await answer(deliveryDeploymentsResponseSchema, 'deployments', 'project');
  const yaml = items.find((item) => item.pipelineKind === 'build' && item.repository !== null);
  if (yaml?.repository === null || yaml === undefined)
    throw new Error('The simulator deployed no YAML pipeline');
  webRepository = yaml.repository;
  const put = await api.putSettings(project, {
    teams: [{ team, buildDefinitionIds: [yaml.pipelineId], repositories: [webRepository] }],
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});

afterAll(async () => {
  await api.close();
});

describe('delivery endpoints on synchronised simulator data', () => {
  it('every endpoint answers its contract schema, per project and per team', async () => {
    const specs = Object.values(DELIVERY_ENDPOINTS);
    expect(specs).toHaveLength(11);
    for (const spec of specs) {
      for (const scope of ['project', 'team'] as const) {
        const parsed = spec.response.safeParse(
          await answer(spec.response, spec.path.replace('/delivery/', ''), scope),
        );
        expect(parsed.success, `${scope} ${spec.path}`).toBe(true);
      }
    }
  });

  it('the settings offer what the sync found', async () => {
    const { body } = await api.json(api.settingsUrl(project));
    const { options } = deliverySettingsResponseSchema.parse(body);
    expect(options.pipelines.map((pipeline) => pipeline.kind)).toEqual(['build', 'release']);
    expect(
      options.targets
        .filter((target) => target.production)
        .map((target) => target.name)
        .sort(),
    ).toEqual(['Production', 'production']);
    expect(options.repositories).toContain(webRepository);
  });

  it('figures agree with their drill-downs', async () => {
    const summary = await answer(deliverySummaryResponseSchema, 'summary', 'project');
    expect(summary.deploymentData).toEqual({ status: 'ok' });
    const frequency = summary.window.deploymentFrequency;
    if (frequency.status !== 'ok') throw new Error(frequency.status);
    const { items: deployments } = await answer(deliveryDeploymentsResponseSchema, 'deployments', 'project');
    const successful = deployments.filter((deployment) => SUCCESSFUL.has(deployment.outcome));
    expect(frequency.successfulDeployments).toBe(successful.length);
    expect(new Set(deployments.map((deployment) => deployment.source))).toEqual(
      new Set(['environment', 'classicRelease']),
    );

    const { deploymentFrequency } = await answer(
      deploymentFrequencyResponseSchema,
      'deployment-frequency',
      'project',
    );
    if (deploymentFrequency.status !== 'ok') throw new Error(deploymentFrequency.status);
    expect(deploymentFrequency.daily).toHaveLength(61);
    expect(deploymentFrequency.daily.reduce((sum, day) => sum + day.deployments, 0)).toBe(successful.length);

    const { leadTimeForChanges } = await answer(deliveryLeadTimeResponseSchema, 'lead-time', 'project');
    if (leadTimeForChanges.status !== 'ok') throw new Error(leadTimeForChanges.status);
    const { items: changes } = await answer(deliveryChangesResponseSchema, 'changes', 'project');
    expect(changes.length).toBe(leadTimeForChanges.changes);
    expect(changes.map((change) => change.id).sort()).toEqual(
      deployments.flatMap((deployment) => deployment.deliveredChangeIds).sort(),
    );
    const sorted = changes.map((change) => change.leadTimeHours).sort((a, b) => a - b);
    expect(leadTimeForChanges.medianHours).toBe(sorted[Math.ceil(sorted.length / 2) - 1]);
    expect(leadTimeForChanges.p85Hours).toBe(sorted[Math.ceil(0.85 * sorted.length) - 1]);
    for (const change of changes.filter((entry) => entry.kind === 'pullRequest')) {
      const parts =
        (change.codingHours ?? 0) + (change.reviewHours ?? 0) + (change.waitingForDeploymentHours ?? 0);
      expect(parts).toBeCloseTo(change.leadTimeHours, 9);
    }

    const { changeFailureRate } = await answer(
      changeFailureRateResponseSchema,
      'change-failure-rate',
      'project',
    );
    const withIncidents = successful.filter((deployment) => deployment.incidentIds.length > 0);
    if (changeFailureRate.status === 'ok') {
      expect(changeFailureRate.failed.map((entry) => entry.deploymentId)).toEqual(
        withIncidents.map((d) => d.id),
      );
      expect(changeFailureRate.rate).toBe(withIncidents.length / successful.length);
    } else {
      expect(changeFailureRate.status).toBe('noIncidents');
      expect(withIncidents).toEqual([]);
    }
    const { items: incidents } = await answer(deliveryIncidentsResponseSchema, 'incidents', 'project');
    expect(incidents.length).toBe(summary.window.incidents.created);
    expect(incidents.length).toBeGreaterThan(0);
  });

  it('links point into the organization: builds, releases, pull requests, commits and work items', async () => {
    const base = `${api.simulator.organizationUrl}/${encodeURIComponent(project)}`;
    const { items: deployments } = await answer(deliveryDeploymentsResponseSchema, 'deployments', 'project');
    for (const deployment of deployments) {
      expect(deployment.buildUrl).toBe(`${base}/_build/results?buildId=${deployment.buildId}`);
      if (deployment.source === 'classicRelease') {
        expect(deployment.releaseUrl).toBe(`${base}/_releaseProgress?releaseId=${deployment.releaseId}`);
      } else {
        expect(deployment.releaseUrl).toBeNull();
      }
      expect(deployment.commitUrl).toBe(
        `${base}/_git/${deployment.repository}/commit/${deployment.sourceVersion}`,
      );
    }
    const { items: changes } = await answer(deliveryChangesResponseSchema, 'changes', 'project');
    for (const change of changes) {
      expect(change.url).toBe(
        change.kind === 'pullRequest'
          ? `${base}/_git/${change.repository}/pullrequest/${change.pullRequestId}`
          : `${base}/_git/${change.repository}/commit/${change.commitSha}`,
      );
      expect(change.workItemUrls).toEqual(change.workItemIds.map((id) => `${base}/_workitems/edit/${id}`));
    }
    const { items: incidents } = await answer(deliveryIncidentsResponseSchema, 'incidents', 'project');
    for (const incident of incidents)
      expect(incident.url).toBe(`${base}/_workitems/edit/${incident.workItemId}`);
  });

  it("a team sees only its pipeline's deployments and its repository's changes", async () => {
    const { items: all } = await answer(deliveryDeploymentsResponseSchema, 'deployments', 'project');
    const { items: mine } = await answer(deliveryDeploymentsResponseSchema, 'deployments', 'team');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((deployment) => deployment.id)).toEqual(
      all.filter((deployment) => deployment.pipelineKind === 'build').map((deployment) => deployment.id),
    );
    const { items: changes } = await answer(deliveryChangesResponseSchema, 'changes', 'team');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.repository === webRepository)).toBe(true);
    const summary = await answer(deliverySummaryResponseSchema, 'summary', 'team');
    const project = await answer(deliverySummaryResponseSchema, 'summary', 'project');
    const count = (answer: typeof summary) =>
      answer.window.deploymentFrequency.status === 'ok'
        ? answer.window.deploymentFrequency.successfulDeployments
        : 0;
    expect(count(summary)).toBeLessThan(count(project));
    expect(count(summary)).toBe(mine.filter((deployment) => SUCCESSFUL.has(deployment.outcome)).length);
    // The team's incidents are some of the project's, attributed to the team's deployments.
    const { items: teamIncidents } = await answer(deliveryIncidentsResponseSchema, 'incidents', 'team');
    const { items: projectIncidents } = await answer(deliveryIncidentsResponseSchema, 'incidents', 'project');
    const mineIds = new Set(mine.map((deployment) => deployment.id));
    expect(teamIncidents).toEqual(
      projectIncidents.filter(
        (incident) => incident.deploymentId !== null && mineIds.has(incident.deploymentId),
      ),
    );
  });

  it("trend: weeks of the range and the team's sprints", async () => {
    const trend = await answer(deliveryTrendResponseSchema, 'trend', 'team');
    expect(trend.weekly[0]).toMatchObject({ from: '2026-04-01', to: '2026-04-05' });
    expect(trend.weekly.at(-1)).toMatchObject({ from: '2026-05-25', to: '2026-05-31' });
    expect(trend.weekly).toHaveLength(9);
    if (trend.sprints.status !== 'ok') throw new Error(trend.sprints.status);
    expect(trend.sprints.items.map((sprint) => sprint.name)).toEqual([
      'Sprint 1',
      'Sprint 2',
      'Sprint 3',
      'Sprint 4',
    ]);
    expect(trend.sprints.items[0]?.figures).toMatchObject({ from: '2026-04-13', to: '2026-04-24' });
  });

  it('a sync that stores new pages changes the ETag; an unchanged one answers 304', async () => {
    const url = api.deliveryUrl(project, 'summary', 'from=2026-05-01&to=2026-06-30');
    const first = await api.request(url);
    const etag = first.headers.get('etag') ?? '';
    expect((await api.request(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    api.simulator.advanceClock(4 * 86_400_000);
    await api.sync();
    const after = await api.request(url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});

describe('paging the drill-downs', () => {
  it.each([
    ['deployments', deliveryDeploymentsResponseSchema, 3],
    ['changes', deliveryChangesResponseSchema, 3],
    ['incidents', deliveryIncidentsResponseSchema, 0],
  ] as const)('pages %s: put together, the pages are the whole list', async (path, schema, atLeast) => {
    const whole = await answer(schema, path, 'project');
    expect(whole.items.length).toBeGreaterThanOrEqual(atLeast);
    expect(whole.page).toEqual({ offset: 0, limit: null, total: whole.items.length, nextOffset: null });
    const rows: unknown[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const page: { items: readonly unknown[]; page: DeliveryPage } = await answer(
        schema,
        path,
        'project',
        `${RANGE}&limit=2&offset=${offset}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.page).toMatchObject({ offset, limit: 2, total: whole.items.length });
      rows.push(...page.items);
      offset = page.page.nextOffset;
      pages++;
    }
    expect(rows).toEqual(whole.items);
    expect(pages).toBe(Math.max(1, Math.ceil(whole.items.length / 2)));
  });

  it('answers no rows past the end, and 400 naming a limit out of bounds', async () => {
    const past = await answer(
      deliveryDeploymentsResponseSchema,
      'deployments',
      'project',
      `${RANGE}&offset=100000`,
    );
    expect(past.items).toEqual([]);
    expect(past.page.nextOffset).toBeNull();
    for (const query of ['limit=0', 'limit=10001', 'offset=-1', 'limit=two']) {
      const { status, body } = await api.json(api.deliveryUrl(project, 'deployments', `${RANGE}&${query}`));
      expect(status, query).toBe(400);
      expect(JSON.stringify(body)).toContain(query.split('=')[0] ?? '');
    }
  });
});
