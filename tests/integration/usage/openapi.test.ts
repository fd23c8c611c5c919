/**
 * The OpenAPI document covers the usage routes (events, the weekly report, adoption) with their parameters,
 * body, CSV variants and refusals; each is routed; and the service's real answers, refusals included,
 * validate against the document while broken ones do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiPath } from '../../../service/src/api/openapi/document.ts';
import {
  ADOPTION_PATH,
  USAGE_EVENTS_PATH,
  USAGE_REPORT_PATH,
} from '../../../service/src/api/usage/router.ts';
import { USAGE_EVENT_KINDS } from '../../../service/src/contract/usage/usage.ts';
import type { RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
import {
  expectDocumented,
  openApiOperation,
  responseValidator,
  servedOpenApiDocument,
  type OpenApiDocument,
} from '../../support/openApi.ts';
import { appToken, simulatorOwner, type TestService, type TestUser } from '../../support/startTestService.ts';
import { startSyncedService, type SyncedService } from '../../support/syncedService.ts';

let synced: SyncedService;
let simulator: RunningSimulator;
let test: TestService;
let reader: TestUser;
let document: OpenApiDocument;

const EVENTS = openApiPath(USAGE_EVENTS_PATH);
const REPORT = openApiPath(USAGE_REPORT_PATH);
const ADOPTION = openApiPath(ADOPTION_PATH);

beforeAll(async () => {
  synced = await startSyncedService({ name: 'usage-openapi', seed: 11, scale: 'tiny' });
  ({ simulator, test } = synced);
  reader = { ...simulatorMember(simulator, 'reader'), organization: simulator.organization };
  document = await servedOpenApiDocument(test);
}, 120_000);

afterAll(async () => {
  await synced?.close();
});

const fill = (path: string) => path.replace('{organization}', simulator.organization);

/** A GET as the organization's owner (a collection administrator) with raw headers, to see CSV and ETags. */
async function ownerGet(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const owner = simulatorOwner(simulator);
  return fetch(`${test.service.url}/api/v1${path}`, {
    headers: {
      authorization: `Bearer ${await appToken(owner.userId)}`,
      'x-seika-user-token': owner.userToken,
      'x-seika-organization': owner.organization,
      ...headers,
    },
  });
}

describe('OpenAPI: usage', () => {
  it('documents the usage routes with their query, body, CSV variants and refusals', () => {
    const documented = Object.keys(document.paths).filter(
      (path) => path.endsWith('/usage') || path.includes('/usage/') || path.endsWith('/adoption'),
    );
    expect(documented.sort()).toEqual([ADOPTION, EVENTS, REPORT].sort());
    const post = openApiOperation(document, EVENTS, 'post');
    expect(Object.keys(document.paths[EVENTS] ?? {}).sort()).toEqual(['parameters', 'post']);
    expect(post.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/UsageEventRequest',
    });
    expect(Object.keys(post.responses).sort()).toEqual([
      '204',
      '400',
      '401',
      '403',
      '404',
      '413',
      '500',
      '503',
    ]);
    for (const [path, query] of [
      [REPORT, ['format', 'weeks']],
      [ADOPTION, ['format']],
    ] as const) {
      expect(Object.keys(document.paths[path] ?? {}).sort()).toEqual(['get', 'parameters']);
      const get = openApiOperation(document, path, 'get');
      expect(get.tags).toEqual(['Usage']);
      const names = (get.parameters ?? []).filter((p) => p.in === 'query');
      expect(names.map((p) => p.name).sort(), path).toEqual([...query]);
      expect(names.every((p) => !p.required)).toBe(true);
      expect(Object.keys(get.responses['200']?.content ?? {}).sort()).toEqual([
        'application/json',
        'text/csv',
      ]);
      // The adoption answer's asOf is the moment of the checks, so it is never 304.
      const notModified = path === REPORT ? ['304'] : [];
      expect(Object.keys(get.responses).sort()).toEqual([
        '200',
        ...notModified,
        '400',
        '401',
        '403',
        '404',
        '500',
        '503',
      ]);
      expect(get.responses['403']?.content?.['application/json']?.schema).toMatchObject({
        allOf: [
          { $ref: '#/components/schemas/ApiError' },
          {
            properties: {
              error: {
                properties: { code: { enum: expect.arrayContaining(['requires_collection_administrator']) } },
              },
            },
          },
        ],
      });
    }
    const weeks = (openApiOperation(document, REPORT, 'get').parameters ?? []).find(
      (p) => p.name === 'weeks',
    );
    expect(weeks).toMatchObject({ schema: { type: 'integer', minimum: 1, maximum: 52, default: 12 } });
    expect(document.tags.map((tag) => tag.name)).toContain('Usage');
  });

  it('validates real answers and refusals against the document, and rejects broken ones', async () => {
    const event = { kind: 'flowHubOpened', project: simulator.project, team: simulator.team };
    const counted = await test.api(fill(EVENTS), { method: 'POST', body: event, as: reader });
    expect(counted.status).toBe(204);
    expect(Object.keys(openApiOperation(document, EVENTS, 'post').responses)).toContain('204');
    const refusedEvent = await test.api(fill(EVENTS), {
      method: 'POST',
      body: { kind: 'peeked' },
      as: reader,
    });
    expect(refusedEvent.status).toBe(400);
    expectDocumented(document, { path: EVENTS, method: 'post' }, refusedEvent);
    const halfNamed = await test.api(fill(EVENTS), {
      method: 'POST',
      body: { kind: 'targetsSet', project: simulator.project },
      as: reader,
    });
    expect(halfNamed.body).toMatchObject({ error: { code: 'invalid_parameter', parameter: 'team' } });
    expectDocumented(document, { path: EVENTS, method: 'post' }, halfNamed);
    const anonymous = await test.api(fill(EVENTS), { method: 'POST', body: event, token: null });
    expect(anonymous.status).toBe(401);
    expectDocumented(document, { path: EVENTS, method: 'post' }, anonymous);

    const report = await test.api(`${fill(REPORT)}?weeks=3`);
    expect(report.status).toBe(200);
    expect((report.body as { weeks: unknown[] }).weeks).toHaveLength(3);
    expectDocumented(document, { path: REPORT, method: 'get' }, report);
    const adoption = await test.api(fill(ADOPTION));
    expect(adoption.status).toBe(200);
    expect((adoption.body as { teams: unknown[] }).teams.length).toBeGreaterThan(0);
    expectDocumented(document, { path: ADOPTION, method: 'get' }, adoption);

    for (const [path, query] of [
      [REPORT, '?weeks=0'],
      [REPORT, '?weeks=many'],
    ] as const) {
      const refused = await test.api(`${fill(path)}${query}`);
      expect(refused.status, query).toBe(400);
      expectDocumented(document, { path, method: 'get' }, refused);
    }
    for (const path of [REPORT, ADOPTION]) {
      const member = await test.api(fill(path), { as: reader });
      expect(member.status, path).toBe(403);
      expect(member.body).toMatchObject({ error: { code: 'requires_collection_administrator' } });
      expectDocumented(document, { path, method: 'get' }, member);
    }
    const unknown = await test.api(fill(REPORT).replace(simulator.organization, 'not-connected-here'));
    expect(unknown.status).toBe(404);
    expectDocumented(document, { path: REPORT, method: 'get' }, unknown);

    // The validators are not blind.
    const reportCheck = responseValidator(document, REPORT, 'get', '200');
    const body = z
      .object({
        weeks: z.array(
          z.looseObject({ teams: z.array(z.looseObject({ counts: z.record(z.string(), z.unknown()) })) }),
        ),
      })
      .loose()
      .parse(report.body);
    const week = body.weeks.find((entry) => entry.teams.length > 0);
    expect(week, 'a week with a team').toBeDefined();
    const [team] = week?.teams ?? [];
    const withTeam = (changed: Record<string, unknown>) => ({
      ...body,
      weeks: [{ ...week, teams: [{ ...team, ...changed }] }],
    });
    expect(reportCheck.safeParse(withTeam({})).success).toBe(true);
    // zod's JSON Schema reader does not enforce `required` beside `propertyNames`, so the document is read.
    const properties = <T extends z.ZodType>(shape: T) => z.looseObject({ properties: shape });
    const countsSchema = properties(
      z.object({
        weeks: z.looseObject({
          items: properties(
            z.looseObject({
              teams: z.looseObject({ items: properties(z.looseObject({ counts: z.unknown() })) }),
            }),
          ),
        }),
      }),
    ).parse(document.components.schemas['UsageReportResponse']).properties.weeks.items.properties.teams.items
      .properties.counts;
    expect(countsSchema).toMatchObject({ required: [...USAGE_EVENT_KINDS] });
    expect(
      reportCheck.safeParse(
        withTeam({ counts: { ...team?.counts, flowHubOpened: { count: '3', fewerThanFive: true } } }),
      ).success,
    ).toBe(false);
    expect(reportCheck.safeParse(withTeam({ viewer: 'someone' })).success).toBe(false);
    const adoptionCheck = responseValidator(document, ADOPTION, 'get', '200');
    const adoptionBody = z.record(z.string(), z.unknown()).parse(adoption.body);
    expect(adoptionCheck.safeParse({ ...adoptionBody, asOf: undefined }).success).toBe(false);
    expect(
      adoptionCheck.safeParse({
        ...adoptionBody,
        teams: [
          { project: 'P', team: 'T', checks: [{ id: 'wipLimits', status: 'fine', figure: null, fix: '' }] },
        ],
      }).success,
    ).toBe(false);
    expect(
      responseValidator(document, REPORT, 'get', '403').safeParse({
        error: { code: 'requires_team_administrator', message: 'not this route' },
      }).success,
    ).toBe(false);
  });

  it('answers CSV where documented, and its GETs 304 while current', async () => {
    expect(Object.keys(openApiOperation(document, ADOPTION, 'get').responses)).not.toContain('304');
    for (const [path, header] of [
      [REPORT, 'week,project,team,measure,count'],
      [ADOPTION, 'project,team,check,status,figure,fix'],
    ] as const) {
      const byFormat = await ownerGet(`${fill(path)}?format=csv`);
      expect(byFormat.status, path).toBe(200);
      expect(byFormat.headers.get('content-type')).toMatch(/^text\/csv/);
      expect((await byFormat.text()).replace(/^\uFEFF/, '').split(/\r\n/)[0]).toBe(header);
      const byAccept = await ownerGet(fill(path), { accept: 'text/csv' });
      expect(byAccept.headers.get('content-type'), path).toMatch(/^text\/csv/);
      await byAccept.arrayBuffer();
      if (path === ADOPTION) continue; // asOf is the moment of the checks: a new answer each time
      const first = await ownerGet(fill(path));
      expect(first.headers.get('content-type')).toMatch(/^application\/json/);
      await first.arrayBuffer();
      const tag = first.headers.get('etag') ?? '';
      expect(tag, path).not.toBe('');
      // fetch adds "Cache-Control: no-cache" to conditional requests, which express never answers 304.
      const again = await ownerGet(fill(path), { 'if-none-match': tag, 'cache-control': 'max-age=0' });
      expect(again.status, path).toBe(304);
    }
  });
});
