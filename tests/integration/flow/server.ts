/**
 * The flow API over a real HTTP server, on a SQLite database synced from the simulator: what the
 * flowApi*.test.ts suites share. Counts project loads, so a test can prove a 304 loaded nothing.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { createApp } from '../../../service/src/app/createApp.ts';
import { boundPort, listen } from '../../../service/src/app/listen.ts';
import type { BoardColumnRecord, TeamIterationRecord } from '../../../service/src/domain/records.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import {
  createFlowCaches,
  createFlowService,
  type FlowCaches,
} from '../../../service/src/services/flow/service.ts';
import {
  organizationNameFromUrl,
  staticOrganizationDirectory,
} from '../../../service/src/services/organizationDirectory.ts';
import { createTeamSettingsService } from '../../../service/src/services/teamSettings/service.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import type { RawPage, SeikaRepository } from '../../../service/src/storage/repository.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import { simulatorAccess, simulatorMember } from '../../support/access.ts';

export const SECRET = 'flow-api-test-extension-secret';
/** The simulator's history ends here; "today" for the service is 2026-06-01 in Tokyo. */
export const NOW = new Date('2026-06-01T00:00:00Z');

export interface FlowApiHarness {
  simulator: RunningSimulator;
  storage: Storage;
  organization: string;
  /** Base of the API, …/api/v1. */
  apiUrl: string;
  /** …/organizations/{org}/projects/{project}/teams/{team}/flow/{path}?{query}. */
  flowUrl(path: string, query?: string, team?: string): string;
  token(options?: { secret?: string; expiresIn?: string }): Promise<string>;
  request(url: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** GET (or another method) with a valid token; the body parsed as JSON. */
  json(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** Times the team's items were loaded since the harness started. */
  projectLoads(): number;
  /** The flow service's caches, to count computations. */
  flowCaches: FlowCaches;
  sync(): Promise<void>;
  replaceIterations(iterations: readonly TeamIterationRecord[]): Promise<void>;
  /** Stores the team's board columns as a synced page would (a new data version). */
  replaceBoard(board: string, columns: readonly BoardColumnRecord[]): Promise<void>;
  close(): Promise<void>;
}

function testPage(stream: string, body: unknown, itemCount: number): RawPage {
  const text = JSON.stringify(body);
  return {
    stream,
    requestUrl: `test://${stream}`,
    requestToken: null,
    responseToken: null,
    isLastBatch: true,
    itemCount,
    body: text,
  };
}

/** Two-week sprints from 2025-12-01 (Monday) through 2026-06-12: Sprint 14 holds "today", 2026-06-01. */
export const TEST_SPRINTS: readonly TeamIterationRecord[] = Array.from({ length: 14 }, (_, index) => {
  const start = Date.parse('2025-12-01T00:00:00Z') + index * 14 * 86_400_000;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    id: `sprint-${index + 1}`,
    name: `Sprint ${index + 1}`,
    path: `Seika Demo\\Sprint ${index + 1}`,
    startDay: day(start),
    finishDay: day(start + 11 * 86_400_000),
  };
});

const BOARD_COLUMNS: readonly BoardColumnRecord[] = ['New', 'Active', 'Resolved', 'Closed'].map(
  (name, position) => ({
    board: 'Stories',
    position,
    id: `column-${position}`,
    name,
    columnType: position === 0 ? 'incoming' : position === 3 ? 'outgoing' : 'inProgress',
    itemLimit: 0,
    stateMappings: { 'User Story': name, Bug: name },
  }),
);

/**
 * The team's sprints and board as the suites expect them, whatever the simulator serves (the sync may or
 * may not collect them): the board mirrors the states, so column moves follow state changes.
 */
async function seedTeamPlanning(
  storage: Storage,
  organization: string,
  simulator: RunningSimulator,
): Promise<void> {
  const { repository } = storage;
  const { project, team } = simulator;
  await repository.applyIterationsPage(
    organization,
    project,
    team,
    testPage('test.iterations', TEST_SPRINTS, 14),
    TEST_SPRINTS,
  );
  await repository.applyBoardColumnsPage(
    organization,
    project,
    team,
    'Stories',
    testPage('test.board', BOARD_COLUMNS, 4),
    BOARD_COLUMNS,
  );
}

/** Counts team item loads (getSelectedFlowItems); everything else passes through. */
function countingRepository(repository: SeikaRepository, onLoad: () => void): SeikaRepository {
  return new Proxy(repository, {
    get(target, property, receiver) {
      if (property === 'getSelectedFlowItems') onLoad();
      return Reflect.get(target, property, receiver);
    },
  });
}

export async function startFlowApi(options: {
  seed: number;
  scale: 'tiny' | 'demo';
}): Promise<FlowApiHarness> {
  const directory = temporaryDirectory('flow-api');
  const simulator = await startSimulator({ seed: options.seed, scale: options.scale, now: NOW });
  const organization = organizationNameFromUrl(simulator.organizationUrl);
  const storage = await openStorage({ kind: 'sqlite', path: join(directory.path, 'flow.sqlite') });
  const sync = async () => {
    await syncOrganization({
      repository: storage.repository,
      createConnection: createAdoConnection,
      logger: silentLogger,
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
  };
  await sync();
  await seedTeamPlanning(storage, organization, simulator);
  let loads = 0;
  const flowCaches = createFlowCaches();
  const repository = countingRepository(storage.repository, () => loads++);
  const organizations = staticOrganizationDirectory([
    { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
  ]);
  const app = createApp({
    flowService: createFlowService({
      repository,
      organizations,
      teamSettings: storage.teamSettings,
      now: () => NOW.getTime(),
      caches: flowCaches,
    }),
    teamSettingsService: createTeamSettingsService({
      repository,
      organizations,
      store: storage.teamSettings,
    }),
    extensionSecret: SECRET,
    access: simulatorAccess(simulator),
    logger: silentLogger,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const apiUrl = `http://127.0.0.1:${boundPort(server)}/api/v1`;
  // A project administrator: the suites read metrics and change team settings.
  const caller = simulatorMember(simulator, 'administrator');
  const token = (tokenOptions: { secret?: string; expiresIn?: string } = {}) =>
    new SignJWT({ nameid: caller.userId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(tokenOptions.expiresIn ?? '1h')
      .sign(new TextEncoder().encode(tokenOptions.secret ?? SECRET));
  const request = async (url: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token: given, headers, ...rest } = init;
    const bearer = given === undefined ? await token() : given;
    return fetch(url, {
      ...rest,
      headers: {
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        'x-seika-user-token': caller.userToken,
        ...(headers ?? {}),
      },
    });
  };
  return {
    simulator,
    storage,
    organization,
    apiUrl,
    flowUrl(path, query = '', team = simulator.team) {
      const segments = [organization, simulator.project, team].map(encodeURIComponent);
      const base = `${apiUrl}/organizations/${segments[0]}/projects/${segments[1]}/teams/${segments[2]}/flow/${path}`;
      return query === '' ? base : `${base}?${query}`;
    },
    token,
    request,
    async json(url, init = {}) {
      const response = await request(url, init);
      const text = await response.text();
      return {
        status: response.status,
        body: text === '' ? null : JSON.parse(text),
        headers: response.headers,
      };
    },
    projectLoads: () => loads,
    flowCaches,
    sync,
    async replaceIterations(iterations) {
      const page = testPage('test.iterations', iterations, iterations.length);
      await storage.repository.applyIterationsPage(
        organization,
        simulator.project,
        simulator.team,
        page,
        iterations,
      );
    },
    async replaceBoard(board, columns) {
      const page = testPage('test.board', columns, columns.length);
      await storage.repository.applyBoardColumnsPage(
        organization,
        simulator.project,
        simulator.team,
        board,
        page,
        columns,
      );
    },
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await storage.close();
      await simulator.close();
      directory.remove();
    },
  };
}
