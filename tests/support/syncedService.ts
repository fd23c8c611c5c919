/**
 * The whole service on SQLite, with a simulated organization connected (without service hooks) and its
 * first sync finished: what the suites that read real answers over HTTP start from.
 */
import { expect } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../service/src/simulator/index.ts';
import { eventually, startTestService, type TestService } from './startTestService.ts';
import { openTestRepository } from './storageBackends.ts';
import { temporaryDirectory } from './tempDirectory.ts';

export interface SyncedService {
  simulator: RunningSimulator;
  test: TestService;
  close(): Promise<void>;
}

export async function startSyncedService(options: {
  name: string;
  seed: number;
  scale: 'tiny' | 'demo';
}): Promise<SyncedService> {
  const directory = temporaryDirectory(options.name);
  const database = await openTestRepository('sqlite', directory.path, options.name);
  await database.storage.close();
  const simulator = await startSimulator({
    seed: options.seed,
    scale: options.scale,
    now: new Date(Date.now() - 86_400_000),
  });
  const test = await startTestService(database.target, { maxPageSize: 1000, simulator });
  const close = async () => {
    await test.service.close();
    await simulator.close();
    await database.dispose().catch(() => undefined);
    directory.remove();
  };
  try {
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
  } catch (error) {
    await close();
    throw error;
  }
  return { simulator, test, close };
}
