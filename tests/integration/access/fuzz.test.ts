import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appToken, type TestUser } from '../../support/startTestService.ts';
import { startTwoOrganizations, type TwoOrganizations } from './twoOrganizations.ts';

let world: TwoOrganizations;

beforeAll(async () => {
  world = await startTwoOrganizations();
}, 120_000);

afterAll(async () => {
  await world.close();
});

/** Every documented operation, plus the access-control routes. */
async function operations(): Promise<{ method: string; path: string }[]> {
  const document = (await (await fetch(`${world.test.service.url}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const documented = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => ['get', 'post', 'put', 'delete', 'patch'].includes(key))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
  return [...documented, { method: 'GET', path: '/organizations/{organization}/audit' }];
}

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%',
    '%00',
    ' ',
    '\u0000',
    'ü',
    '😀',
    '{org}',
    'a'.repeat(2000),
    '-1',
    '0',
    'null',
  ),
);
const maybe = <T>(valid: T, other: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 2, arbitrary: other });

describe('API fuzzing', () => {
  it('answers a few thousand malformed requests on every route without a 5xx', async () => {
    const routes = await operations();
    expect(routes.length).toBeGreaterThan(20);
    const callers: TestUser[] = [
      world.people.member,
      world.people.projectAdministrator,
      world.people.teamAdministrator,
      { ...world.people.rival, organization: world.victim },
    ];
    const valid: Record<string, string> = {
      organization: world.victim,
      project: world.project,
      team: world.team,
      iterationId: 'sprint-1',
    };
    const request = fc.record({
      route: fc.constantFrom(...routes),
      caller: fc.oneof(fc.constantFrom(...callers), fc.constant(undefined)),
      userToken: maybe<string | undefined>(undefined, fc.oneof(nasty, fc.constant(''))),
      params: fc.dictionary(fc.constantFrom('organization', 'project', 'team', 'iterationId'), nasty),
      query: fc.dictionary(
        fc.oneof(
          fc.constantFrom(
            'from',
            'to',
            'timeZone',
            'format',
            'percentiles',
            'items',
            'date',
            'deleteData',
            'trials',
          ),
          fc.string({ maxLength: 10 }),
        ),
        fc.oneof(nasty, fc.constantFrom('2026-01-01', '2026-05-31', 'UTC', 'csv', '85', 'true')),
        { maxKeys: 4 },
      ),
      body: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined), fc.string({ maxLength: 50 })),
    });
    const samples = fc.sample(request, { numRuns: 2500, seed: 20261207 });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let next = 0;
    async function worker(): Promise<void> {
      while (next < samples.length) {
        const sample = samples[next++];
        if (sample === undefined) return;
        const path = sample.route.path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
          encodeURIComponent(sample.params[name] ?? valid[name] ?? name),
        );
        const query = new URLSearchParams(sample.query).toString();
        const caller = sample.caller;
        const headers: Record<string, string> = {};
        if (caller !== undefined) {
          headers['authorization'] = `Bearer ${await appToken(caller.userId)}`;
          headers['x-seika-organization'] = caller.organization;
          const token = sample.userToken ?? caller.userToken;
          if (/^[\x21-\x7e]*$/.test(token)) headers['x-seika-user-token'] = token;
        }
        let body: string | undefined;
        if (sample.body !== undefined && sample.route.method !== 'GET') {
          headers['content-type'] = 'application/json';
          body = typeof sample.body === 'string' ? sample.body : JSON.stringify(sample.body);
        }
        const response = await fetch(
          `${world.test.service.url}/api/v1${path}${query === '' ? '' : `?${query}`}`,
          {
            method: sample.route.method,
            headers,
            ...(body === undefined ? {} : { body }),
          },
        );
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500)
          failures.push(`${sample.route.method} ${path}?${query} → ${response.status}`);
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures).toEqual([]);
    expect(world.test.logLines.filter((line) => line.includes('request failed'))).toEqual([]);
    // The generated inputs reach the routes, not only the authorization layer.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(403) ?? 0).toBeGreaterThan(50);
  }, 240_000);

  it('answers malformed service-hook deliveries without a 5xx', async () => {
    const credentials = await world.test.service.storage
      .organizations(world.test.secrets)
      .credentials(world.victim);
    const secret = credentials?.hookSecret ?? '';
    const delivery = fc.record({
      organization: maybe(world.victim, nasty),
      authorization: fc.oneof(
        fc.constant(`Basic ${Buffer.from(`seika:${secret}`).toString('base64')}`),
        fc.constant(undefined),
        nasty.map((value) => `Basic ${Buffer.from(value).toString('base64')}`),
        nasty.filter((value) => /^[\x21-\x7e ]*$/.test(value)),
      ),
      body: fc.oneof(
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
        fc
          .record({
            id: fc.oneof(fc.string({ maxLength: 300 }), fc.integer()),
            eventType: fc.oneof(fc.constantFrom('workitem.updated', 'build.complete'), fc.string()),
            createdDate: fc.oneof(
              fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
              fc.string(),
            ),
          })
          .map((value) => JSON.stringify(value)),
        fc.string({ maxLength: 100 }),
      ),
    });
    const failures: string[] = [];
    for (const sample of fc.sample(delivery, { numRuns: 400, seed: 7 })) {
      const response = await fetch(
        `${world.test.service.url}/hooks/azure-devops/${encodeURIComponent(sample.organization)}`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(sample.authorization === undefined ? {} : { authorization: sample.authorization }),
          },
          body: sample.body,
        },
      );
      await response.arrayBuffer();
      if (response.status >= 500) failures.push(`${sample.organization} ${sample.body} → ${response.status}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
