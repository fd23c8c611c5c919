import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sprintOutlookResponseSchema,
  sprintTargetsResponseSchema,
  teamSprintsResponseSchema,
} from '../../../service/src/contract/targets/sprintTargets.ts';
import {
  leadTimeResponseSchema,
  targetSuggestionsResponseSchema,
  teamListResponseSchema,
  throughputResponseSchema,
} from '../../../service/src/contract/index.ts';
import {
  sprintReviewResponseSchema,
  targetHistoryResponseSchema,
} from '../../../service/src/contract/targets/review.ts';
import type { TeamIterationRecord } from '../../../service/src/domain/records.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
import {
  appToken,
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
let sprint: TeamIterationRecord;
let reader: TestUser;

const TARGETS = {
  goal: { text: 'Checkout works on mobile', itemIds: [], tag: null },
  targets: [
    { kind: 'itemsFinished', atLeast: 3 },
    { kind: 'serviceLevel', percent: 85, withinDays: 10 },
    { kind: 'noItemOlderThan', days: 30 },
  ],
  membersMayAddMissReasons: true,
};

beforeAll(async () => {
  directory = temporaryDirectory('targets-api');
  database = await openTestRepository('sqlite', directory.path, 'targets');
  await database.storage.close();
  simulator = await startSimulator({ seed: 21, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
  test = await startTestService(database.target, { maxPageSize: 50, simulator });
  const connected = await test.api('/organizations', {
    method: 'POST',
    body: {
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
      subscribeToEvents: false,
    },
  });
  expect(connected.status).toBe(201);
  const iterations = await eventually('the team’s sprints', async () => {
    const found = await test.service.storage.repository.getTeamIterations(
      simulator.organization,
      simulator.project,
      simulator.team,
    );
    return found.some(
      (iteration) =>
        iteration.startDay !== null && iteration.finishDay !== null && iteration.finishDay < '2026-06-01',
    )
      ? found
      : undefined;
  });
  await eventually('the first sync', async () => {
    const status = await test.api(`/organizations/${simulator.organization}/sync-status`);
    const body = status.body as { job?: { lastFinishedAt: string | null } | null };
    return body.job?.lastFinishedAt ?? undefined;
  });
  const ended = iterations.filter(
    (iteration) => iteration.finishDay !== null && iteration.finishDay < '2026-06-01',
  );
  const last = ended.at(-1);
  if (last === undefined) throw new Error('no ended sprint');
  sprint = last;
  reader = { ...simulatorMember(simulator, 'reader'), organization: simulator.organization };
});

afterAll(async () => {
  await test?.service.close();
  await simulator?.close();
  await database?.dispose().catch(() => undefined);
  directory?.remove();
});

const teamPath = () =>
  `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/teams/${encodeURIComponent(simulator.team)}`;
const targetsPath = () => `${teamPath()}/sprints/${sprint.id}/targets`;

describe('sprint targets API', () => {
  it('stores a team’s targets for one sprint and answers them back', async () => {
    const before = sprintTargetsResponseSchema.parse((await test.api(targetsPath())).body);
    expect(before.updatedAt).toBeNull();
    expect(before.targets.targets).toEqual([]);
    const saved = await test.api(targetsPath(), { method: 'PUT', body: TARGETS });
    expect(saved.status).toBe(200);
    const read = sprintTargetsResponseSchema.parse((await test.api(targetsPath(), { as: reader })).body);
    expect(read.targets).toEqual(TARGETS);
    expect(read.sprint).toEqual({
      name: sprint.name,
      startDay: sprint.startDay,
      finishDay: sprint.finishDay,
    });
    expect(read.updatedAt).not.toBeNull();
    const sprints = teamSprintsResponseSchema.parse(
      (await test.api(`${teamPath()}/sprints`, { as: reader })).body,
    );
    expect(sprints.sprints.find((entry) => entry.id === sprint.id)).toMatchObject({
      name: sprint.name,
      startDay: sprint.startDay,
      finishDay: sprint.finishDay,
      hasTargets: true,
    });
    expect(sprints.sprints.filter((entry) => entry.hasTargets)).toHaveLength(1);
  });

  it('refuses targets that measure people, with the reason, and changes nothing', async () => {
    const refused = await test.api(targetsPath(), {
      method: 'PUT',
      body: {
        ...TARGETS,
        targets: [
          { kind: 'itemsFinished', atLeast: 1 },
          { kind: 'hours', atLeast: 40 },
        ],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'target_refused', parameter: 'targets.1.kind' } });
    const invalid = await test.api(targetsPath(), {
      method: 'PUT',
      body: { targets: [{ kind: 'serviceLevel', percent: 120, withinDays: 5 }] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: { code: 'invalid_parameter', parameter: 'targets.0.percent' },
    });
    expect(sprintTargetsResponseSchema.parse((await test.api(targetsPath())).body).targets).toEqual(TARGETS);
  });

  it('lets members read but not change them; unknown sprints are 404, malformed ids 400', async () => {
    const denied = await test.api(targetsPath(), { method: 'PUT', body: TARGETS, as: reader });
    expect(denied.status).toBe(403);
    expect(
      (await test.api(`${teamPath()}/sprints/00000000-0000-0000-0000-000000000000/targets`)).status,
    ).toBe(404);
    expect((await test.api(`${teamPath()}/sprints/not%20an%20id/targets`)).status).toBe(400);
  });

  it('answers each target’s verdict for an ended sprint from the team’s own flow', async () => {
    const outlook = sprintOutlookResponseSchema.parse(
      (await test.api(`${teamPath()}/sprints/${sprint.id}/outlook`, { as: reader })).body,
    );
    expect(outlook.phase).toBe('ended');
    expect(outlook.remainingWorkingDays).toBe(0);
    expect(outlook.targets.map((target) => target.target.kind)).toEqual([
      'itemsFinished',
      'serviceLevel',
      'noItemOlderThan',
    ]);
    // Items finished = the sprint's scope (from its iteration history, removed items left out) that the
    // flow API lists as finished in the sprint's days; never more than the team's throughput then.
    const window = `from=${sprint.startDay}&to=${sprint.finishDay}`;
    const throughput = throughputResponseSchema.parse(
      (await test.api(`${teamPath()}/flow/throughput?${window}`)).body,
    );
    const finishedIds = new Set(
      leadTimeResponseSchema
        .parse((await test.api(`${teamPath()}/flow/lead-time?${window}`)).body)
        .items.map((item) => item.id),
    );
    expect(outlook.scopeSource).toBe('iterationMembership');
    const inScope = (outlook.scope?.items ?? []).filter((item) => !item.removed);
    const expected = inScope.filter((item) => finishedIds.has(item.itemId)).length;
    const [finished] = outlook.targets;
    expect(finished?.current).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThanOrEqual(throughput.total);
    expect(finished?.metNow).toBe(expected >= 3);
    expect(finished?.probability).toBe(finished?.metNow ? 1 : 0);
    // The ended day is stored as the sprint's final snapshot.
    expect(outlook.history.filter((point) => point.day === outlook.evaluatedOn)).toHaveLength(3);
  });

  it('documents the sprint answers in the OpenAPI document, each routed', async () => {
    const document = (await test.api('/openapi.json', { token: null })).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const sprintPaths = Object.keys(document.paths).filter((path) => path.includes('/sprints/'));
    expect(sprintPaths.map((path) => path.replace(/^.*\/sprints\//, ''))).toEqual(
      expect.arrayContaining([
        '{iterationId}/targets',
        '{iterationId}/targets/suggestions',
        '{iterationId}/outlook',
        '{iterationId}/review',
      ]),
    );
    for (const path of sprintPaths) {
      const filled = path
        .replace('{organization}', simulator.organization)
        .replace('{project}', encodeURIComponent(simulator.project))
        .replace('{team}', encodeURIComponent(simulator.team))
        .replace('{iterationId}', sprint.id);
      expect((await test.api(filled, { as: reader })).status, path).toBe(200);
    }
  });

  it('answers the outlook, review and suggestions with ETags from the data version, 304 while current', async () => {
    const headers = {
      authorization: `Bearer ${await appToken(reader.userId)}`,
      'x-seika-user-token': reader.userToken,
      'x-seika-organization': reader.organization,
    };
    const url = (resource: string) =>
      `${test.service.url}/api/v1${teamPath()}/sprints/${sprint.id}/${resource}`;
    const tags = new Map<string, string>();
    for (const resource of ['outlook', 'review', 'targets/suggestions']) {
      const first = await fetch(url(resource), { headers });
      expect(first.status).toBe(200);
      const tag = first.headers.get('etag') ?? '';
      expect(tag).toMatch(/^"[^"]+"$/);
      tags.set(resource, tag);
      const again = await fetch(url(resource), { headers: { ...headers, 'if-none-match': tag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
    // Saving the targets makes a new version: the old copy is no longer current.
    expect((await test.api(targetsPath(), { method: 'PUT', body: TARGETS })).status).toBe(200);
    const changed = await fetch(url('outlook'), {
      headers: { ...headers, 'if-none-match': tags.get('outlook') ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tags.get('outlook'));
  });

  it('suggests targets from the team’s last six ended sprints, each with its hit rate', async () => {
    const next = (
      await test.service.storage.repository.getTeamIterations(
        simulator.organization,
        simulator.project,
        simulator.team,
      )
    ).find((iteration) => iteration.startDay !== null && iteration.startDay > (sprint.finishDay ?? ''));
    if (next === undefined) throw new Error('no sprint after the ended one');
    const response = await test.api(`${teamPath()}/sprints/${next.id}/targets/suggestions`, { as: reader });
    expect(response.status).toBe(200);
    const answer = targetSuggestionsResponseSchema.parse(response.body);
    expect(answer.basedOn.length).toBeGreaterThan(0);
    expect(answer.basedOn.length).toBeLessThanOrEqual(6);
    expect(answer.basedOn.at(-1)?.iterationId).toBe(sprint.id);
    expect(answer.suggestions.map((suggestion) => suggestion.kind)).toEqual(
      expect.arrayContaining(['itemsFinished', 'noItemOlderThan', 'wipCeiling']),
    );
    // "Met in k of the last n": recount the items-finished suggestion from the flow API, sprint by sprint.
    const finished = answer.suggestions.find((suggestion) => suggestion.kind === 'itemsFinished');
    const perSprint = await Promise.all(
      answer.basedOn.map(async (past) => {
        const window = `from=${past.startDay}&to=${past.finishDay}`;
        return throughputResponseSchema.parse(
          (await test.api(`${teamPath()}/flow/throughput?${window}`)).body,
        ).total;
      }),
    );
    const atLeast = finished?.target.kind === 'itemsFinished' ? finished.target.atLeast : -1;
    expect(finished?.of).toBe(perSprint.length);
    expect(finished?.metIn).toBe(perSprint.filter((count) => count >= atLeast).length);
    expect(finished?.itemCount).toBe(perSprint.reduce((total, count) => total + count, 0));
    expect(finished?.tooFewToJudge).toBe((finished?.itemCount ?? 0) < 5);
    // Every suggestion is a valid target as it is: the editor's "use" puts it in unchanged.
    for (const suggestion of answer.suggestions) {
      const put = await test.api(targetsPath(), { method: 'PUT', body: { targets: [suggestion.target] } });
      expect(put.status).toBe(200);
    }
    await test.api(targetsPath(), { method: 'PUT', body: TARGETS });
    const unknown = await test.api(
      `${teamPath()}/sprints/00000000-0000-0000-0000-000000000000/targets/suggestions`,
    );
    expect(unknown.status).toBe(404);
  });
});

describe('project teams', () => {
  it('lists the project’s synchronised teams as Azure DevOps spells them, to anyone who can see the project', async () => {
    const response = await test.api(
      `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/teams`,
      { as: reader },
    );
    expect(response.status).toBe(200);
    const list = teamListResponseSchema.parse(response.body);
    expect(list.teams.map((team) => team.name)).toContain(simulator.team);
    const elsewhere = await test.api(
      `/organizations/${simulator.organization}/projects/No%20Such%20Project/teams`,
    );
    expect([403, 404]).toContain(elsewhere.status);
  });
});

describe('sprint review and history', () => {
  const reviewPath = () => `${teamPath()}/sprints/${sprint.id}/review`;

  it('judges each target of the ended sprint and pre-fills Keep / Problem / Try', async () => {
    const review = sprintReviewResponseSchema.parse((await test.api(reviewPath(), { as: reader })).body);
    expect(review.phase).toBe('ended');
    expect(review.goal).toBe(TARGETS.goal.text);
    expect(
      review.verdicts
        .map((verdict) => verdict.verdict)
        .every((verdict) => verdict === 'met' || verdict === 'missed'),
    ).toBe(true);
    const met = review.verdicts.filter((verdict) => verdict.verdict === 'met').length;
    expect(review.outline.keep).toHaveLength(met);
    expect(review.outline.problem.filter((entry) => entry.key === 'targetMissed')).toHaveLength(
      review.verdicts.length - met,
    );
  });

  it('stores the lead’s notes and the members’ reasons, as the lead allows', async () => {
    const saved = await test.api(reviewPath(), {
      method: 'PUT',
      body: {
        missReasons: { '1': 'Two items waited a week for review.' },
        keep: ['Daily swarming on old items'],
        problem: [],
        try: ['Pair on reviews'],
      },
    });
    expect(saved.status).toBe(200);
    const byMember = await test.api(`${reviewPath()}/reasons`, {
      method: 'PUT',
      body: { missReasons: { '2': 'An item was blocked by another team.' } },
      as: reader,
    });
    expect(byMember.status).toBe(200);
    const review = sprintReviewResponseSchema.parse(byMember.body);
    expect(review.verdicts.map((verdict) => verdict.reason)).toEqual([
      null,
      'Two items waited a week for review.',
      'An item was blocked by another team.',
    ]);
    expect(review.notes).toEqual({
      keep: ['Daily swarming on old items'],
      problem: [],
      try: ['Pair on reviews'],
    });
    expect((await test.api(reviewPath(), { method: 'PUT', body: { keep: [] }, as: reader })).status).toBe(
      403,
    );

    await test.api(targetsPath(), { method: 'PUT', body: { ...TARGETS, membersMayAddMissReasons: false } });
    const refused = await test.api(`${reviewPath()}/reasons`, {
      method: 'PUT',
      body: { missReasons: { '0': 'x' } },
      as: reader,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
    await test.api(targetsPath(), { method: 'PUT', body: TARGETS });
  });

  it('lists targets and results across sprints, as JSON and CSV', async () => {
    const history = targetHistoryResponseSchema.parse(
      (await test.api(`${teamPath()}/sprints/history`, { as: reader })).body,
    );
    const entry = history.sprints.find((candidate) => candidate.iterationId === sprint.id);
    expect(entry?.targets.map((target) => target.kind)).toEqual([
      'itemsFinished',
      'serviceLevel',
      'noItemOlderThan',
    ]);
    expect(entry?.targets.every((target) => target.verdict !== 'pending')).toBe(true);
    const csv = await fetch(`${test.service.url}/api/v1${teamPath()}/sprints/history?format=csv`, {
      headers: {
        authorization: `Bearer ${await appToken(reader.userId)}`,
        'x-seika-user-token': reader.userToken,
        'x-seika-organization': reader.organization,
      },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('sprint,start,finish,target,kind,verdict');
    expect(lines).toHaveLength(1 + 3);
  });
});
