import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insightPreviewResponseSchema,
  insightsResponseSchema,
  INSIGHT_RULE_IDS,
} from '../../../service/src/contract/insights/insights.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
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

beforeAll(async () => {
  directory = temporaryDirectory('insights-api');
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
}, 120_000);

afterAll(async () => {
  await test?.service.close();
  await simulator?.close();
  await database?.dispose().catch(() => undefined);
  directory?.remove();
});

const insightsPath = () =>
  `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/teams/${encodeURIComponent(simulator.team)}/insights`;

describe('improvement insights API', () => {
  it('answers at most three findings for the team, every rule with its evidence, and no person', async () => {
    const response = await test.api(insightsPath(), { as: reader });
    expect(response.status).toBe(200);
    const insights = insightsResponseSchema.parse(response.body);
    expect(insights.findings.length).toBeLessThanOrEqual(3);
    expect(insights.rules.map((rule) => rule.id)).toEqual([...INSIGHT_RULE_IDS]);
    expect(insights.rules.every((rule) => rule.enabled && rule.evidence.source.length > 0)).toBe(true);
    const text = JSON.stringify(insights);
    for (const identity of simulator.model.identities) {
      expect(text).not.toContain(identity.displayName);
      expect(text).not.toContain(identity.email);
    }
  });

  it('previews when a rule would have fired over the last 13 weeks', async () => {
    const response = await test.api(`${insightsPath()}/preview?rule=AGE-1`, { as: reader });
    expect(response.status).toBe(200);
    const preview = insightPreviewResponseSchema.parse(response.body);
    expect(preview.weeks).toHaveLength(13);
    expect(preview.weeks.every((week) => week.fired === (week.figures !== null))).toBe(true);
    expect((await test.api(`${insightsPath()}/preview?rule=NOPE`, { as: reader })).status).toBe(400);
  });

  it('lets team administrators switch rules and act on findings; a dismissal needs a reason', async () => {
    const current = insightsResponseSchema.parse((await test.api(insightsPath())).body);
    const noReason = await test.api(`${insightsPath()}/actions`, {
      method: 'POST',
      body: { ruleId: 'AGE-1', weekStart: current.weekStart, action: 'dismissed' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: { parameter: 'note' } });
    const byReader = await test.api(`${insightsPath()}/settings`, {
      method: 'PUT',
      body: { enabled: ['AGE-1'] },
      as: reader,
    });
    expect(byReader.status).toBe(403);

    const onlyAging = insightsResponseSchema.parse(
      (await test.api(`${insightsPath()}/settings`, { method: 'PUT', body: { enabled: ['AGE-1'] } })).body,
    );
    expect(onlyAging.rules.filter((rule) => rule.enabled).map((rule) => rule.id)).toEqual(['AGE-1']);
    expect(onlyAging.findings.every((finding) => finding.ruleId === 'AGE-1')).toBe(true);

    const dismissed = insightsResponseSchema.parse(
      (
        await test.api(`${insightsPath()}/actions`, {
          method: 'POST',
          body: {
            ruleId: 'AGE-1',
            weekStart: current.weekStart,
            action: 'dismissed',
            note: 'Known: waiting on a vendor.',
          },
        })
      ).body,
    );
    expect(dismissed.findings).toEqual([]);
    await test.api(`${insightsPath()}/settings`, { method: 'PUT', body: { enabled: [...INSIGHT_RULE_IDS] } });
  });

  it('takes an action only for a week of the team’s calendar: a real date, a Monday, not to come', async () => {
    const current = insightsResponseSchema.parse((await test.api(insightsPath())).body);
    const monday = new Date(`${current.weekStart}T00:00:00Z`);
    const shifted = (days: number) =>
      new Date(monday.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const act = (weekStart: string) =>
      test.api(`${insightsPath()}/actions`, {
        method: 'POST',
        body: { ruleId: 'WIP-1', weekStart, action: 'acknowledged' },
      });
    const refusals = [
      [
        shifted(2),
        `does not start a week: the team's insight weeks start on Monday (this week: ${current.weekStart})`,
      ],
      [shifted(7), `is a week still to come in the team's time zone`],
      ['2026-02-30', 'is not a calendar date'],
    ] as const;
    for (const [weekStart, problem] of refusals) {
      const refused = await act(weekStart);
      expect(refused.status, weekStart).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'invalid_week_start', parameter: 'weekStart' } });
      expect((refused.body as { error: { message: string } }).error.message).toContain(problem);
    }
    const stored = await test.api(`${insightsPath()}/actions`, {
      method: 'POST',
      body: { ruleId: 'WIP-1', weekStart: current.weekStart, action: 'acknowledged' },
    });
    expect(stored.status).toBe(200);
    expect((await act(shifted(-7))).status).toBe(200);
  });
});
