import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptionResponseSchema, ADOPTION_CHECK_IDS } from '../../../service/src/contract/usage/adoption.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
import {
  appToken,
  eventually,
  simulatorOwner,
  startTestService,
  type TestService,
} from '../../support/startTestService.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let directory: ReturnType<typeof temporaryDirectory>;
let database: TestRepository;
let simulator: RunningSimulator;
let test: TestService;

beforeAll(async () => {
  directory = temporaryDirectory('adoption-api');
  database = await openTestRepository('sqlite', directory.path, 'adoption');
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
}, 120_000);

afterAll(async () => {
  await test?.service.close();
  await simulator?.close();
  await database?.dispose().catch(() => undefined);
  directory?.remove();
});

const adoptionPath = () => `/organizations/${simulator.organization}/adoption`;

/** The simulator's ground truth: completed pull requests of the project merged in the 8 weeks before `now`. */
function linkedShare(projectName: string, now: number): { total: number; linked: number } {
  const { model } = simulator;
  const completed = model.delivery.pullRequests.filter((pullRequest) => {
    const repository = model.delivery.repositories[pullRequest.repository];
    const project = repository === undefined ? undefined : model.projects[repository.projectIndex];
    return (
      pullRequest.status === 'completed' &&
      project?.name === projectName &&
      pullRequest.closedDate >= now - 56 * 86_400_000 &&
      pullRequest.closedDate < now
    );
  });
  return {
    total: completed.length,
    linked: completed.filter((pullRequest) => pullRequest.workItems.length > 0).length,
  };
}

describe('adoption checks API', () => {
  it('answers every synchronised team with each check, its figure and fix, to collection administrators', async () => {
    const response = await test.api(adoptionPath());
    expect(response.status).toBe(200);
    const adoption = adoptionResponseSchema.parse(response.body);
    const team = adoption.teams.find(
      (candidate) => candidate.team.toLowerCase() === simulator.team.toLowerCase(),
    );
    expect(team).toBeDefined();
    for (const entry of adoption.teams) {
      expect(entry.checks.map((check) => check.id)).toEqual([...ADOPTION_CHECK_IDS]);
    }
    const check = (id: (typeof ADOPTION_CHECK_IDS)[number]) => team?.checks.find((entry) => entry.id === id);
    // Connected without hook subscriptions, and no project marked production in its delivery settings.
    expect(check('serviceHooks')).toMatchObject({ status: 'gap' });
    expect(check('productionMark')).toMatchObject({ status: 'gap' });
    // Pull requests linked to work items: the share of the simulator's completed pull requests of the last
    // 8 weeks into the project (the team maps no repository) that link one; every one reaches main here.
    const expected = linkedShare(team?.project ?? '', Date.now());
    expect(expected.total).toBeGreaterThanOrEqual(5);
    // The simulator links most pull requests, not all.
    expect(expected.linked).toBeGreaterThan(0);
    expect(expected.linked).toBeLessThan(expected.total);
    const share = Math.round((expected.linked / expected.total) * 100);
    expect(check('pullRequestLinks')).toMatchObject({ status: share >= 80 ? 'ok' : 'gap', figure: share });
    // The simulator's team works through in-progress states with dated sprints of one length.
    expect(check('inProgressStates')?.status).not.toBe('unknown');
    expect(check('sprintCadence')).toMatchObject({ status: 'ok' });
    const text = JSON.stringify(adoption);
    for (const identity of simulator.model.identities) expect(text).not.toContain(identity.displayName);
  });

  it('answers CSV, and refuses members', async () => {
    const owner = simulatorOwner(simulator);
    const csv = await fetch(`${test.service.url}/api/v1${adoptionPath()}?format=csv`, {
      headers: {
        authorization: `Bearer ${await appToken(owner.userId)}`,
        'x-seika-user-token': owner.userToken,
        'x-seika-organization': owner.organization,
      },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('project,team,check,status,figure,fix');
    expect(lines.some((line) => line.includes(',serviceHooks,gap,'))).toBe(true);
    const reader = { ...simulatorMember(simulator, 'reader'), organization: simulator.organization };
    expect((await test.api(adoptionPath(), { as: reader })).status).toBe(403);
  });
});
