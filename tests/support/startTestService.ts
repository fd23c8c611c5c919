import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { createAdoConnection } from '../../service/src/ado/clients.ts';
import { startService, type RunningService } from '../../service/src/app/startService.ts';
import { createLogger, type Logger } from '../../service/src/logger.ts';
import { createSecretBox, type SecretBox } from '../../service/src/security/secretBox.ts';
import type { StorageTarget } from '../../service/src/app/openRepository.ts';

export const TEST_EXTENSION_SECRET = 'integration-test-extension-secret';

export interface TestService {
  service: RunningService;
  secrets: SecretBox;
  logLines: string[];
  bearer(): Promise<string>;
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null },
  ): Promise<{ status: number; body: unknown }>;
}

/** The whole service on a free port with a real worker, logging into an array the test can read. */
export async function startTestService(
  storage: StorageTarget,
  options: { syncIntervalMs?: number; maxPageSize?: number } = {},
): Promise<TestService> {
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
  });
  const bearer = () =>
    new SignJWT({ nameid: 'admin-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_EXTENSION_SECRET));
  return {
    service,
    secrets,
    logLines,
    bearer,
    async api(path, init = {}) {
      const token = init.token === undefined ? await bearer() : init.token;
      const response = await fetch(`${service.url}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
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
