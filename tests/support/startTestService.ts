import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { createAdoConnection } from '../../service/src/ado/clients.ts';
import { startService, type RunningService } from '../../service/src/app/startService.ts';
import { createLogger, type Logger } from '../../service/src/logger.ts';
import { createSecretBox, type SecretBox } from '../../service/src/security/secretBox.ts';
import type { StorageTarget } from '../../service/src/app/openRepository.ts';
import type { RunningSimulator } from '../../service/src/simulator/index.ts';
import type { AccessTimings } from '../../service/src/services/access/accessService.ts';

/** Who a request comes from: the app token names `userId`; `userToken` is their Azure DevOps token. */
export interface TestUser {
  userId: string;
  userToken: string;
  /** The organization the hub runs in (X-Seika-Organization). */
  organization: string;
}

/** The simulator organization's owner (a Project Collection Administrator) with a fresh access token. */
export function simulatorOwner(simulator: RunningSimulator, organization = simulator.organization): TestUser {
  const hosted = simulator.organizations.find((candidate) => candidate.name === organization);
  if (hosted === undefined) throw new Error(`The simulator serves no organization ${organization}`);
  return {
    userId: hosted.ownerId,
    userToken: simulator.identities.issueToken({ userId: hosted.ownerId, organization, kind: 'access' }),
    organization,
  };
}

/** Signs an app token for `userId` the way Azure DevOps does for the extension. */
export function appToken(userId: string, secret = TEST_EXTENSION_SECRET): Promise<string> {
  return new SignJWT({ nameid: userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

export const TEST_EXTENSION_SECRET = 'integration-test-extension-secret';

export interface TestService {
  service: RunningService;
  secrets: SecretBox;
  logLines: string[];
  bearer(): Promise<string>;
  /** As `as` (default: the simulator organization's owner); `token: null` sends no app token. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null; as?: TestUser },
  ): Promise<{ status: number; body: unknown }>;
}

/** The whole service on a free port with a real worker, logging into an array the test can read. */
export async function startTestService(
  storage: StorageTarget,
  options: {
    syncIntervalMs?: number;
    maxPageSize?: number;
    /** The simulator whose organizations may be connected; its owner is the default caller. */
    simulator?: RunningSimulator;
    accessTimings?: Partial<AccessTimings>;
    /** Further origins organization URLs may use (hosts that are not Azure DevOps, for refusals). */
    extraAllowedOrigins?: readonly string[];
  } = {},
): Promise<TestService> {
  const defaultUser = options.simulator === undefined ? undefined : simulatorOwner(options.simulator);
  const logLines: string[] = [];
  const logger: Logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
  const secrets = createSecretBox(randomBytes(32));
  const service = await startService({
    storage,
    secrets,
    extensionSecret: TEST_EXTENSION_SECRET,
    createConnection: createAdoConnection,
    logger,
    port: 0,
    host: '127.0.0.1',
    defaultTimeZone: 'Asia/Tokyo',
    syncIntervalMs: options.syncIntervalMs ?? 3_600_000,
    runWorker: true,
    ...(options.maxPageSize === undefined ? {} : { maxPageSize: options.maxPageSize }),
    ...(options.simulator === undefined
      ? {}
      : {
          allowedOrganizationOrigins: [options.simulator.origin, ...(options.extraAllowedOrigins ?? [])],
          hookClock: () => (options.simulator?.now() ?? new Date()).getTime(),
        }),
    ...(options.accessTimings === undefined ? {} : { accessTimings: options.accessTimings }),
  });
  const bearer = () => appToken(defaultUser?.userId ?? 'admin-1');
  return {
    service,
    secrets,
    logLines,
    bearer,
    async api(path, init = {}) {
      const user = init.as ?? defaultUser;
      const token = init.token === undefined ? await appToken(user?.userId ?? 'admin-1') : init.token;
      const response = await fetch(`${service.url}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(user === undefined
            ? {}
            : { 'x-seika-user-token': user.userToken, 'x-seika-organization': user.organization }),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    },
  };
}

/** Polls until `check` returns a value, or fails after `timeoutMs` with `what` in the message. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
