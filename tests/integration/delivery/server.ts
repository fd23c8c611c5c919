/**
 * The delivery API over a real HTTP server on a SQLite database: synced from the simulator with the
 * delivery streams, or seeded by hand through the repository apply methods (deliveryApiSeed.ts). Counts
 * loads of the project's delivery records and engine computations, so a test can prove a 304 did neither.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { z } from 'zod';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { createApp } from '../../../service/src/app/createApp.ts';
import { boundPort, listen } from '../../../service/src/app/listen.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { createDeliveryService, DELIVERY_ENGINE } from '../../../service/src/services/delivery/service.ts';
import { createDeliverySettingsService } from '../../../service/src/services/delivery/settingsService.ts';
import { createFlowService } from '../../../service/src/services/flow/service.ts';
import {
  organizationNameFromUrl,
  staticOrganizationDirectory,
  type ConnectedOrganization,
} from '../../../service/src/services/organizationDirectory.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { DeliveryRepository } from '../../../service/src/storage/delivery/repository.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import {
  SEEDED_CALLER,
  seededAccess,
  simulatorAccess,
  simulatorMember,
  type TestCaller,
} from '../../support/access.ts';
import type { AccessService } from '../../../service/src/services/access/accessService.ts';

export const SECRET = 'delivery-api-test-extension-secret';
/** The simulator's history ends here. */
export const NOW = new Date('2026-06-01T00:00:00Z');

export interface DeliveryApi {
  storage: Storage;
  organization: string;
  /** Base of the API, …/api/v1. */
  apiUrl: string;
  /** …/organizations/{org}/projects/{project}[/teams/{team}]/delivery/{path}?{query}. */
  deliveryUrl(project: string, path: string, query?: string, team?: string): string;
  settingsUrl(project: string): string;
  token(options?: { secret?: string }): Promise<string>;
  request(url: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** With a valid token; the body parsed as JSON. */
  json(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** GET an answer that must be 200, parsed with its contract schema. */
  answer<S extends z.ZodType>(schema: S, url: string): Promise<z.output<S>>;
  /** PUT a JSON body to the project's delivery settings. */
  putSettings(project: string, settings: unknown): Promise<{ status: number; body: unknown }>;
  /** Loads of delivery records since the harness started. */
  recordLoads(): number;
  /** Views computed (the engine's report step) since the harness started. */
  computations(): number;
  /** Scopes prepared for a zone (the engine's range-independent step) since the harness started. */
  preparations(): number;
  close(): Promise<void>;
}

/** Counts loads (readDeliveryRecords, or the stored linked input a project's view reads); the rest passes through. */
function countingDelivery(delivery: DeliveryRepository, onLoad: () => void): DeliveryRepository {
  return new Proxy(delivery, {
    get(target, property, receiver) {
      if (property === 'readDeliveryRecords' || property === 'readLinkedInput') onLoad();
      return Reflect.get(target, property, receiver);
    },
  });
}

async function serve(
  storage: Storage,
  organization: Omit<ConnectedOrganization, 'instanceId'>,
  cleanup: () => Promise<void>,
  authorization: { access: AccessService; caller: TestCaller },
): Promise<DeliveryApi> {
  const { caller } = authorization;
  let loads = 0;
  let computations = 0;
  let preparations = 0;
  const delivery = countingDelivery(storage.delivery, () => loads++);
  const organizations = staticOrganizationDirectory([organization]);
  const app = createApp({
    flowService: createFlowService({ repository: storage.repository, organizations }),
    deliveryService: createDeliveryService({
      repository: storage.repository,
      delivery,
      organizations,
      settings: storage.deliverySettings,
      engine: {
        prepare: (input) => {
          preparations++;
          return DELIVERY_ENGINE.prepare(input);
        },
        report: (prepared, request) => {
          computations++;
          return DELIVERY_ENGINE.report(prepared, request);
        },
      },
    }),
    deliverySettingsService: createDeliverySettingsService({
      repository: storage.repository,
      delivery: storage.delivery,
      organizations,
      store: storage.deliverySettings,
    }),
    extensionSecret: SECRET,
    access: authorization.access,
    logger: silentLogger,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const apiUrl = `http://127.0.0.1:${boundPort(server)}/api/v1`;
  const token = (options: { secret?: string } = {}) =>
    new SignJWT({ nameid: caller.userId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(options.secret ?? SECRET));
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
  const json = async (url: string, init: RequestInit = {}) => {
    const response = await request(url, init);
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? null : JSON.parse(text),
      headers: response.headers,
    };
  };
  const projectBase = (project: string) =>
    `${apiUrl}/organizations/${encodeURIComponent(organization.name)}/projects/${encodeURIComponent(project)}`;
  const settingsUrl = (project: string) => `${projectBase(project)}/delivery/settings`;
  return {
    storage,
    organization: organization.name,
    apiUrl,
    deliveryUrl(project, path, query = '', team) {
      const teamPart = team === undefined ? '' : `/teams/${encodeURIComponent(team)}`;
      const base = `${projectBase(project)}${teamPart}/delivery/${path}`;
      return query === '' ? base : `${base}?${query}`;
    },
    settingsUrl,
    token,
    request,
    json,
    async answer(schema, url) {
      const { status, body } = await json(url);
      if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${JSON.stringify(body)}`);
      return schema.parse(body);
    },
    async putSettings(project, settings) {
      const { status, body } = await json(settingsUrl(project), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(settings),
      });
      return { status, body };
    },
    recordLoads: () => loads,
    computations: () => computations,
    preparations: () => preparations,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await storage.close();
      await cleanup();
    },
  };
}

export interface SimulatedDeliveryApi extends DeliveryApi {
  simulator: RunningSimulator;
  /** Runs every stream, delivery ones included. */
  sync(): Promise<void>;
}

export async function startSimulatedDeliveryApi(options: {
  seed: number;
  scale: 'tiny' | 'demo';
}): Promise<SimulatedDeliveryApi> {
  const directory = temporaryDirectory('delivery-api');
  const simulator = await startSimulator({ seed: options.seed, scale: options.scale, now: NOW });
  const organization = organizationNameFromUrl(simulator.organizationUrl);
  const storage = await openStorage({ kind: 'sqlite', path: join(directory.path, 'delivery.sqlite') });
  const sync = async () => {
    const report = await syncOrganization({
      repository: storage.repository,
      delivery: storage.delivery,
      createConnection: createAdoConnection,
      logger: silentLogger,
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
    const failed = report.streams.filter((stream) => stream.error !== null);
    if (failed.length > 0) throw new Error(`Sync failed: ${JSON.stringify(failed)}`);
  };
  await sync();
  const api = await serve(
    storage,
    { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
    async () => {
      await simulator.close();
      directory.remove();
    },
    // A project administrator: the suites read metrics and change delivery settings.
    { access: simulatorAccess(simulator), caller: simulatorMember(simulator, 'administrator') },
  );
  return { ...api, simulator, sync };
}

/** An empty database for a hand-made data set (written with `seed`) under organization "contoso". */
export async function startSeededDeliveryApi(
  seed: (storage: Storage, organization: string) => Promise<void>,
): Promise<DeliveryApi> {
  const directory = temporaryDirectory('delivery-api-seeded');
  const storage = await openStorage({ kind: 'sqlite', path: join(directory.path, 'seeded.sqlite') });
  await seed(storage, 'contoso');
  const contoso = { name: 'contoso', url: 'https://dev.azure.com/contoso', timeZone: 'UTC' };
  return serve(storage, contoso, async () => directory.remove(), {
    access: seededAccess([contoso]),
    caller: SEEDED_CALLER,
  });
}
