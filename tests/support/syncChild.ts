/**
 * A sync in its own process, so a test can SIGKILL it at any instant. Reads its target from the
 * environment: SYNC_STORAGE (StorageTarget as JSON), SYNC_ORGANIZATION_URL, SYNC_PAT, SYNC_PAGE_SIZE.
 */
import { createAdoConnection } from '../../service/src/ado/clients.ts';
import { silentLogger } from '../../service/src/logger.ts';
import { organizationNameFromUrl } from '../../service/src/services/organizationDirectory.ts';
import { openRepository, type StorageTarget } from '../../service/src/app/openRepository.ts';
import { syncOrganization } from '../../service/src/sync/syncOrganization.ts';

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
}

const target: StorageTarget = JSON.parse(required('SYNC_STORAGE'));
const organizationUrl = required('SYNC_ORGANIZATION_URL');
const repository = await openRepository(target);
try {
  const report = await syncOrganization({
    repository,
    createConnection: createAdoConnection,
    logger: silentLogger,
    maxPageSize: Number(required('SYNC_PAGE_SIZE')),
    target: {
      organization: organizationNameFromUrl(organizationUrl),
      organizationUrl,
      personalAccessToken: required('SYNC_PAT'),
    },
  });
  process.stdout.write(JSON.stringify({ revisions: report.revisions, pages: report.pages }) + '\n');
} finally {
  await repository.close();
}
