/**
 * The OpenAPI document covers every insights route (the week's insights, a rule's preview, experiments,
 * actions, settings) with its parameters, body and refusals; each documented operation is routed; and the
 * service's real answers, refusals included, validate against the document while broken ones do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  INSIGHTS_ACTIONS_PATH,
  INSIGHTS_EXPERIMENTS_PATH,
  INSIGHTS_PATH,
  INSIGHTS_PREVIEW_PATH,
  INSIGHTS_SETTINGS_PATH,
} from '../../../service/src/api/insights/router.ts';
import { openApiPath } from '../../../service/src/api/openapi/document.ts';
import { insightsResponseSchema, INSIGHT_RULE_IDS } from '../../../service/src/contract/insights/insights.ts';
import type { RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
import {
  expectDocumented,
  openApiOperation,
  responseValidator,
  servedOpenApiDocument,
  type OpenApiDocument,
} from '../../support/openApi.ts';
import { appToken, type TestService, type TestUser } from '../../support/startTestService.ts';
import { startSyncedService, type SyncedService } from '../../support/syncedService.ts';

let synced: SyncedService;
let simulator: RunningSimulator;
let test: TestService;
let reader: TestUser;
let document: OpenApiDocument;

const INSIGHTS = openApiPath(INSIGHTS_PATH);
const PREVIEW = openApiPath(INSIGHTS_PREVIEW_PATH);
const EXPERIMENTS = openApiPath(INSIGHTS_EXPERIMENTS_PATH);
const ACTIONS = openApiPath(INSIGHTS_ACTIONS_PATH);
const SETTINGS = openApiPath(INSIGHTS_SETTINGS_PATH);

beforeAll(async () => {
  synced = await startSyncedService({ name: 'insights-openapi', seed: 11, scale: 'demo' });
  ({ simulator, test } = synced);
  reader = { ...simulatorMember(simulator, 'reader'), organization: simulator.organization };
  document = await servedOpenApiDocument(test);
}, 120_000);

afterAll(async () => {
  await synced?.close();
});

/** A documented path with the simulator's organization, project and team. */
const fill = (path: string) =>
  path
    .replace('{organization}', simulator.organization)
    .replace('{project}', encodeURIComponent(simulator.project))
    .replace('{team}', encodeURIComponent(simulator.team));

const codesOf = (path: string, method: string, status: string): unknown => {
  const schema = openApiOperation(document, path, method).responses[status]?.content?.['application/json']
    ?.schema;
  return z
    .object({ allOf: z.tuple([z.unknown(), z.looseObject({ properties: z.unknown() })]) })
    .transform(({ allOf }) => allOf[1].properties)
    .parse(schema);
};

describe('OpenAPI: improvement insights', () => {
  it('documents every insights route with its parameters, body, refusals and tag', () => {
    const documented = Object.keys(document.paths).filter((path) => path.includes('/insights'));
    expect(documented.sort()).toEqual([INSIGHTS, ACTIONS, EXPERIMENTS, PREVIEW, SETTINGS].sort());
    expect(Object.keys(document.paths[ACTIONS] ?? {}).sort()).toEqual(['parameters', 'post']);
    expect(Object.keys(document.paths[SETTINGS] ?? {}).sort()).toEqual(['parameters', 'put']);
    for (const path of [INSIGHTS, PREVIEW, EXPERIMENTS]) {
      const get = openApiOperation(document, path, 'get');
      expect(get.tags).toEqual(['Improvement insights']);
      expect(Object.keys(get.responses).sort(), path).toEqual(
        ['200', '304', '400', '401', '403', '404', '422', '500', '503'].sort(),
      );
      const query = (get.parameters ?? []).filter((parameter) => parameter.in === 'query');
      expect(
        query.map((parameter) => [parameter.name, parameter.required]),
        path,
      ).toEqual(path === PREVIEW ? [['rule', true]] : []);
    }
    const rule = (openApiOperation(document, PREVIEW, 'get').parameters ?? []).find((p) => p.name === 'rule');
    expect(rule).toMatchObject({ schema: { enum: [...INSIGHT_RULE_IDS] } });
    for (const [path, method, body] of [
      [ACTIONS, 'post', 'InsightActionRequest'],
      [SETTINGS, 'put', 'InsightSettingsRequest'],
    ] as const) {
      const operation = openApiOperation(document, path, method);
      expect(operation.requestBody?.content['application/json']?.schema).toEqual({
        $ref: `#/components/schemas/${body}`,
      });
      expect(document.components.schemas[body]).toBeDefined();
      expect(Object.keys(operation.responses).sort(), path).toEqual(
        ['200', '400', '401', '403', '404', '413', '422', '500', '503'].sort(),
      );
      expect(codesOf(path, method, '403')).toMatchObject({
        error: { properties: { code: { enum: expect.arrayContaining(['requires_team_administrator']) } } },
      });
    }
    expect(codesOf(ACTIONS, 'post', '400')).toMatchObject({
      error: { properties: { code: { enum: expect.arrayContaining(['invalid_week_start']) } } },
    });
    expect(codesOf(SETTINGS, 'put', '422')).toMatchObject({
      error: { properties: { code: { enum: expect.arrayContaining(['digest_url_refused']) } } },
    });
    expect(document.tags.map((tag) => tag.name)).toContain('Improvement insights');
  });

  it('every documented insights operation is routed', async () => {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.includes('/insights')) continue;
      for (const method of Object.keys(item).filter((key) => key !== 'parameters')) {
        const answer = await test.api(`${fill(path)}${path === PREVIEW ? '?rule=WIP-1' : ''}`, {
          method: method.toUpperCase(),
          ...(method === 'get' ? {} : { body: {} }),
        });
        expect(JSON.stringify(answer.body), `${method} ${path}`).not.toMatch(/No API route/);
        // GETs answer; the empty bodies are refused by the route itself, as documented.
        expect(answer.status, `${method} ${path}`).toBe(method === 'get' ? 200 : 400);
        expectDocumented(document, { path, method }, answer);
      }
    }
  });

  it('validates real answers and refusals against the document, and rejects broken ones', async () => {
    const weekly = await test.api(fill(INSIGHTS), { as: reader });
    expect(weekly.status).toBe(200);
    expectDocumented(document, { path: INSIGHTS, method: 'get' }, weekly);
    const current = insightsResponseSchema.parse(weekly.body);
    expectDocumented(
      document,
      { path: PREVIEW, method: 'get' },
      await test.api(`${fill(PREVIEW)}?rule=AGE-1`, { as: reader }),
    );

    const experiment = await test.api(fill(ACTIONS), {
      method: 'POST',
      body: { ruleId: 'WIP-1', weekStart: current.weekStart, action: 'experiment', note: 'Cap WIP at 4' },
    });
    expect(experiment.status).toBe(200);
    expectDocumented(document, { path: ACTIONS, method: 'post' }, experiment);
    const experiments = await test.api(fill(EXPERIMENTS), { as: reader });
    expect(experiments.status).toBe(200);
    expect((experiments.body as { experiments: unknown[] }).experiments.length).toBeGreaterThan(0);
    expectDocumented(document, { path: EXPERIMENTS, method: 'get' }, experiments);
    const settings = await test.api(fill(SETTINGS), {
      method: 'PUT',
      body: { enabled: [...INSIGHT_RULE_IDS] },
    });
    expect(settings.status).toBe(200);
    expectDocumented(document, { path: SETTINGS, method: 'put' }, settings);

    // Refusals, each as documented for its status.
    const sunday = new Date(Date.parse(`${current.weekStart}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const notAMonday = await test.api(fill(ACTIONS), {
      method: 'POST',
      body: { ruleId: 'WIP-1', weekStart: sunday, action: 'acknowledged' },
    });
    expect(notAMonday.status).toBe(400);
    expect(notAMonday.body).toMatchObject({ error: { code: 'invalid_week_start', parameter: 'weekStart' } });
    expectDocumented(document, { path: ACTIONS, method: 'post' }, notAMonday);
    const refusedUrl = await test.api(fill(SETTINGS), {
      method: 'PUT',
      body: { enabled: ['AGE-1'], digest: { kind: 'slack', url: 'http://example.com/hook' } },
    });
    expect(refusedUrl.status).toBe(422);
    expect(refusedUrl.body).toMatchObject({ error: { code: 'digest_url_refused', parameter: 'digest.url' } });
    expectDocumented(document, { path: SETTINGS, method: 'put' }, refusedUrl);
    const byReader = await test.api(fill(SETTINGS), {
      method: 'PUT',
      body: { enabled: ['AGE-1'] },
      as: reader,
    });
    expect(byReader.status).toBe(403);
    expect(byReader.body).toMatchObject({ error: { code: 'requires_team_administrator' } });
    expectDocumented(document, { path: SETTINGS, method: 'put' }, byReader);
    const readerActs = await test.api(fill(ACTIONS), {
      method: 'POST',
      body: { ruleId: 'WIP-1', weekStart: current.weekStart, action: 'acknowledged' },
      as: reader,
    });
    expect(readerActs.status).toBe(403);
    expectDocumented(document, { path: ACTIONS, method: 'post' }, readerActs);
    const noRule = await test.api(fill(PREVIEW), { as: reader });
    expect(noRule.status).toBe(400);
    expectDocumented(document, { path: PREVIEW, method: 'get' }, noRule);
    const anonymous = await test.api(fill(INSIGHTS), { token: null });
    expect(anonymous.status).toBe(401);
    expectDocumented(document, { path: INSIGHTS, method: 'get' }, anonymous);
    const unknownTeam = await test.api(
      fill(INSIGHTS).replace(encodeURIComponent(simulator.team), 'No%20such%20team'),
    );
    expect(unknownTeam.status).toBe(404);
    expectDocumented(document, { path: INSIGHTS, method: 'get' }, unknownTeam);

    // The validators are not blind: a broken answer, or a refusal the route does not send, fails.
    const answer = responseValidator(document, INSIGHTS, 'get', '200');
    const record = z.record(z.string(), z.unknown()).parse(weekly.body);
    expect(answer.safeParse(record).success).toBe(true);
    expect(answer.safeParse({ ...record, rules: undefined }).success).toBe(false);
    expect(answer.safeParse({ ...record, extra: true }).success).toBe(false);
    expect(
      answer.safeParse({ ...record, digest: { kind: 'email', language: 'en', maskedUrl: 'x' } }).success,
    ).toBe(false);
    expect(answer.safeParse({ ...record, findings: [{ ruleId: 'NOPE-1' }] }).success).toBe(false);
    const weekRefusal = responseValidator(document, ACTIONS, 'post', '400');
    expect(weekRefusal.safeParse(notAMonday.body).success).toBe(true);
    expect(
      weekRefusal.safeParse({ error: { code: 'digest_url_refused', message: 'wrong route' } }).success,
    ).toBe(false);
    expect(responseValidator(document, SETTINGS, 'put', '422').safeParse(notAMonday.body).success).toBe(
      false,
    );
  });

  it('answers its GETs with an ETag and 304 while current, as documented', async () => {
    const caller = simulatorMember(simulator, 'reader');
    const headers = {
      authorization: `Bearer ${await appToken(caller.userId)}`,
      'x-seika-user-token': caller.userToken,
      'x-seika-organization': simulator.organization,
    };
    for (const path of [INSIGHTS, `${PREVIEW}?rule=AGE-1`, EXPERIMENTS]) {
      const url = `${test.service.url}/api/v1${fill(path)}`;
      const first = await fetch(url, { headers });
      expect(first.status, path).toBe(200);
      const tag = first.headers.get('etag') ?? '';
      expect(tag, path).not.toBe('');
      // fetch adds "Cache-Control: no-cache" to conditional requests, which express never answers 304.
      const again = await fetch(url, {
        headers: { ...headers, 'if-none-match': tag, 'cache-control': 'max-age=0' },
      });
      expect(again.status, path).toBe(304);
    }
    for (const path of [INSIGHTS, PREVIEW, EXPERIMENTS]) {
      expect(openApiOperation(document, path, 'get').responses['304']).toEqual({
        $ref: '#/components/responses/NotModified',
      });
    }
  });
});
