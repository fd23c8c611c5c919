import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openRepository } from '../../service/src/storage/openRepository.ts';
import type { SeikaRepository } from '../../service/src/storage/repository.ts';

export type BackendName = 'sqlite' | 'postgres';

/** Every storage suite runs on both; PostgreSQL must be reachable (CI fails, never skips, when it is not). */
export const BACKENDS: readonly BackendName[] = ['sqlite', 'postgres'];

export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestRepository {
  repository: SeikaRepository;
  /** Closes the repository and drops what it created. */
  dispose(): Promise<void>;
}

export async function openTestRepository(
  backend: BackendName,
  directory: string,
  name: string,
): Promise<TestRepository> {
  if (backend === 'sqlite') {
    const repository = await openRepository({ kind: 'sqlite', path: join(directory, `${name}.sqlite`) });
    return { repository, dispose: () => repository.close() };
  }
  const schema = `seika_test_${randomBytes(6).toString('hex')}`;
  let repository: SeikaRepository;
  try {
    repository = await openRepository({ kind: 'postgres', connectionString: TEST_DATABASE_URL, schema });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL at ${TEST_DATABASE_URL} is required for these tests and is not reachable: ${reason}`,
      { cause: error },
    );
  }
  return {
    repository,
    async dispose() {
      await repository.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
