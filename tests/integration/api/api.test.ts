import type { Server } from 'node:http';
import { join } from 'node:path';
import type { SeikaRepository } from '../../../service/src/storage/repository.ts';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { createApp } from '../../../service/src/app/createApp.ts';
import { boundPort, listen } from '../../../service/src/app/listen.ts';
import { apiErrorSchema, cycleTimeResponseSchema } from '../../../service/src/contract/index.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { createFlowService } from '../../../service/src/services/flow/service.ts';
import {
  organizationNameFromUrl,
  staticOrganizationDirectory,
} from '../../../service/src/services/organizationDirectory.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { openRepository } from '../../../service/src/app/openRepository.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

import { simulatorAccess, simulatorMember, type TestCaller } from '../../support/access.ts';

const SECRET = 'integration-test-extension-secret';
const NOW = new Date('2026-06-01T00:00:00Z');

let simulator: RunningSimulator;
let repository: SeikaRepository;
let server: Server;
let baseUrl: string;
let organization: string;
const directory = temporaryDirectory('api');

let caller: TestCaller;

function token(options: { secret?: string; expiresIn?: string } = {}): Promise<string> {
  return new SignJWT({ nameid: caller.userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

function cycleTimeUrl(query: string, team = simulator.team, org = organization): string {
  const path = [org, simulator.project, team].map(encodeURIComponent);
  return `${baseUrl}/api/v1/organizations/${path[0]}/projects/${path[1]}/teams/${path[2]}/flow/cycle-time?${query}`;
}

async function get(url: string, bearer?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(
    url,
    bearer === undefined
      ? {}
      : { headers: { authorization: `Bearer ${bearer}`, 'x-seika-user-token': caller.userToken } },
  );
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  simulator = await startSimulator({ seed: 5, scale: 'demo', now: NOW });
  organization = organizationNameFromUrl(simulator.organizationUrl);
  caller = simulatorMember(simulator, 'reader');
  repository = await openRepository({ kind: 'sqlite', path: join(directory.path, 'api.sqlite') });
  await syncOrganization({
    repository,
    createConnection: createAdoConnection,
    logger: silentLogger,
    target: { organization, organizationUrl: simulator.organizationUrl, personalAccessToken: simulator.pat },
  });
  const app = createApp({
    flowService: createFlowService({
      repository,
      organizations: staticOrganizationDirectory([
        { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
      ]),
    }),
    extensionSecret: SECRET,
    access: simulatorAccess(simulator),
    logger: silentLogger,
  });
  server = await listen(app, 0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${boundPort(server)}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await repository.close();
  await simulator.close();
  directory.remove();
});

describe('GET /flow/cycle-time', () => {
  it('returns the completed items with cycle times and nearest-rank percentiles', async () => {
    const { status, body } = await get(cycleTimeUrl('from=2026-03-01&to=2026-05-31'), await token());
    expect(status).toBe(200);
    const result = cycleTimeResponseSchema.parse(body);
    expect(result.items.length).toBeGreaterThan(20);
    expect(result.timeZone).toBe('Asia/Tokyo');
    expect(result.syncedAt).not.toBeNull();
    // Team scope: stories and bugs (bugsBehavior asRequirements), never tasks.
    const types = new Set(result.items.map((item) => item.workItemType));
    expect([...types].sort()).toEqual(['Bug', 'User Story']);
    const sorted = result.items.map((item) => item.cycleTimeDays).sort((a, b) => a - b);
    for (const line of result.percentiles) {
      expect(line.days).toBe(sorted[Math.ceil((line.percentile / 100) * sorted.length) - 1]);
    }
    for (const item of result.items) {
      expect(item.completedOn >= '2026-03-01' && item.completedOn <= '2026-05-31').toBe(true);
      expect(item.cycleTimeDays).toBeGreaterThanOrEqual(1);
      expect(item.url).toBe(
        `${simulator.organizationUrl}/${encodeURIComponent(simulator.project)}/_workitems/edit/${item.id}`,
      );
    }
  });

  it('honours the time zone parameter', async () => {
    const { status, body } = await get(
      cycleTimeUrl('from=2026-03-01&to=2026-05-31&timeZone=UTC'),
      await token(),
    );
    expect(status).toBe(200);
    expect(cycleTimeResponseSchema.parse(body).timeZone).toBe('UTC');
  });

  it.each([
    ['to=2026-05-31', 'from', /"from" is required/],
    ['from=2026-05-31', 'to', /"to" is required/],
    ['from=31-05-2026&to=2026-06-01', 'from', /YYYY-MM-DD/],
    ['from=2026-02-30&to=2026-03-01', 'from', /real calendar date/],
    ['from=2026-05-31&to=2026-05-01', 'from', /after "to"/],
    ['from=2026-05-01&to=2026-05-31&timeZone=Mars/Olympus', 'timeZone', /IANA time zone/],
  ])('answers 400 naming the parameter for %s', async (query, parameter, message) => {
    const { status, body } = await get(cycleTimeUrl(query), await token());
    expect(status).toBe(400);
    const error = apiErrorSchema.parse(body).error;
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
  });

  it('answers 401 without a token, with a wrong signature, and with an expired token', async () => {
    const url = cycleTimeUrl('from=2026-05-01&to=2026-05-31');
    const missing = await get(url);
    expect(missing.status).toBe(401);
    expect(apiErrorSchema.parse(missing.body).error.message).toMatch(/Authorization: Bearer/);
    const forged = await get(url, await token({ secret: 'some-other-secret-value' }));
    expect(forged.status).toBe(401);
    expect(apiErrorSchema.parse(forged.body).error.code).toBe('invalid_token');
    const expired = await get(url, await token({ expiresIn: '-5m' }));
    expect(expired.status).toBe(401);
    expect(apiErrorSchema.parse(expired.body).error.code).toBe('token_expired');
  });

  it('answers 404 for an unknown organization, team or route', async () => {
    const bearer = await token();
    const unknownTeam = await get(cycleTimeUrl('from=2026-05-01&to=2026-05-31', 'No Such Team'), bearer);
    expect(unknownTeam.status).toBe(404);
    expect(apiErrorSchema.parse(unknownTeam.body).error.message).toMatch(/No Such Team/);
    const unknownOrganization = await get(
      cycleTimeUrl('from=2026-05-01&to=2026-05-31', simulator.team, 'nope'),
      bearer,
    );
    expect(unknownOrganization.status).toBe(404);
    const unknownRoute = await get(`${baseUrl}/api/v1/nothing-here`, bearer);
    expect(unknownRoute.status).toBe(404);
    expect(apiErrorSchema.parse(unknownRoute.body).error.code).toBe('not_found');
  });
});
