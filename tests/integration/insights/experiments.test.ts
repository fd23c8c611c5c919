import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insightExperimentsResponseSchema,
  insightsResponseSchema,
} from '../../../service/src/contract/insights/insights.ts';
import { addDays } from '../../../service/src/metrics/calendar.ts';
import { judgeExperiment } from '../../../service/src/metrics/insights/index.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
import { columnsOf, openRawDatabase } from '../../support/rawDatabase.ts';
import {
  eventually,
  startTestService,
  type TestService,
  type TestUser,
} from '../../support/startTestService.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let directory: ReturnType<typeof temporaryDirectory>;
let database: TestRepository;
let simulator: RunningSimulator;
let test: TestService;
let reader: TestUser;
let teamAdministrator: TestUser;

beforeAll(async () => {
  directory = temporaryDirectory('insights-experiments');
  database = await openTestRepository('sqlite', directory.path, 'insights');
  await database.storage.close();
  simulator = await startSimulator({ seed: 11, scale: 'demo', now: new Date(Date.now() - 86_400_000) });
  test = await startTestService(database.target, { maxPageSize: 1000, simulator });
  const connected = await test.api('/organizations', {
    method: 'POST',
    body: {
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
      subscribeToEvents: false,
    },
  });
  expect(connected.status).toBe(201);
  await eventually(
    'the first sync',
    async () => {
      const status = await test.api(`/organizations/${simulator.organization}/sync-status`);
      const body = status.body as { job?: { lastFinishedAt: string | null } | null };
      return body.job?.lastFinishedAt ?? undefined;
    },
    60_000,
  );
  reader = { ...simulatorMember(simulator, 'reader'), organization: simulator.organization };
  const userId = randomUUID();
  simulator.identities.addUser({ id: userId, displayName: 'Team admin', uniqueName: 'ta@seika.example.com' });
  simulator.identities.join(simulator.organization, userId, {
    projects: Object.fromEntries(simulator.model.projects.map((project) => [project.id, 'contributor'])),
    teamAdministrator: [simulator.model.team.id],
  });
  teamAdministrator = {
    userId,
    userToken: simulator.identities.issueToken({
      userId,
      organization: simulator.organization,
      kind: 'access',
    }),
    organization: simulator.organization,
  };
}, 120_000);

afterAll(async () => {
  await test?.service.close();
  await simulator?.close();
  await database?.dispose().catch(() => undefined);
  directory?.remove();
});

const insightsPath = () =>
  `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/teams/${encodeURIComponent(simulator.team)}/insights`;

describe('acting on insights and judging experiments', () => {
  it('lets a team administrator (not a member) acknowledge a finding and counts it without an identity', async () => {
    const current = insightsResponseSchema.parse((await test.api(insightsPath(), { as: reader })).body);
    const body = { ruleId: 'WIP-1', weekStart: current.weekStart, action: 'acknowledged' };
    const byReader = await test.api(`${insightsPath()}/actions`, { method: 'POST', body, as: reader });
    expect(byReader.status).toBe(403);
    const byAdministrator = await test.api(`${insightsPath()}/actions`, {
      method: 'POST',
      body,
      as: teamAdministrator,
    });
    expect(byAdministrator.status).toBe(200);
    const acted = await test.api(`/organizations/${simulator.organization}/usage/events`, {
      method: 'POST',
      body: { kind: 'insightActed', project: simulator.project, team: simulator.team },
      as: teamAdministrator,
    });
    expect(acted.status).toBeLessThan(300);
  });

  it('judges an experiment on its rule’s weekly measure with control-chart signals', async () => {
    const current = insightsResponseSchema.parse((await test.api(insightsPath(), { as: reader })).body);
    const started = addDays(current.weekStart, -42);
    const made = await test.api(`${insightsPath()}/actions`, {
      method: 'POST',
      body: { ruleId: 'WIP-1', weekStart: started, action: 'experiment', note: 'WIP limit of 4 on Doing' },
      as: teamAdministrator,
    });
    expect(made.status).toBe(200);
    await test.api(`${insightsPath()}/actions`, {
      method: 'POST',
      body: { ruleId: 'DEP-1', weekStart: addDays(current.weekStart, -7), action: 'experiment' },
      as: teamAdministrator,
    });

    const response = await test.api(`${insightsPath()}/experiments`, { as: reader });
    expect(response.status).toBe(200);
    const { experiments, baselineWeeks } = insightExperimentsResponseSchema.parse(response.body);
    expect(baselineWeeks).toBe(8);
    const wip = experiments.find((experiment) => experiment.ruleId === 'WIP-1');
    expect(wip).toMatchObject({ weekStart: started, note: 'WIP limit of 4 on Doing', measure: 'meanWip' });
    if (wip === undefined) throw new Error('no WIP-1 experiment');
    expect(wip.better).toBe('lower');
    // Mean WIP exists every week of a team with work: 8 baseline weeks and the 6 complete weeks since.
    expect(wip.baseline.map((point) => point.weekStart)).toEqual(
      Array.from({ length: 8 }, (_, index) => addDays(started, -7 * (8 - index))),
    );
    expect(wip.since.map((point) => point.weekStart)).toEqual(
      Array.from({ length: 6 }, (_, index) => addDays(started, 7 * index)),
    );
    const judged = judgeExperiment(
      wip.baseline.map((point) => point.value),
      wip.since.map((point) => point.value),
      'lower',
    );
    expect(wip.verdict).toBe(judged.verdict);
    expect(wip.verdict).not.toBe('tooFewPoints');
    expect(wip.limits).not.toBeNull();
    // One complete week since is too few to judge, whatever the measure says.
    const deployments = experiments.find((experiment) => experiment.ruleId === 'DEP-1');
    expect(deployments?.verdict).toBe('tooFewPoints');
    expect(deployments?.measure).toBe('deploymentDays');
  }, 60_000);

  it('keeps no user id or name in the tables insights write, in their schema or their rows', async () => {
    const raw = await openRawDatabase(database.target);
    try {
      for (const table of [
        'insight_actions',
        'insight_settings',
        'insight_digests',
        'insight_digest_sends',
      ]) {
        const columns = await columnsOf(raw, table);
        expect(columns.length).toBeGreaterThan(0);
        // team_name is the team's name as Azure DevOps spells it, not a person's.
        expect(columns.filter((column) => /user|author|email|display|person|name/i.test(column))).toEqual(
          table === 'insight_digests' ? ['team_name'] : [],
        );
        const text = JSON.stringify(await raw.all(`SELECT * FROM ${table}`));
        expect(text).not.toContain(teamAdministrator.userId);
        expect(text).not.toContain('Team admin');
      }
      const actions = await raw.all('SELECT * FROM insight_actions');
      expect(actions.length).toBeGreaterThan(0);
    } finally {
      await raw.close();
    }
  });
});
