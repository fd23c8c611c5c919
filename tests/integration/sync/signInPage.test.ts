import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetAllClientSets } from '../../../service/src/ado/clientSets.ts';
import { AdoAuthenticationError, createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { SIGN_IN_PAGE } from '../../../service/src/simulator/auth.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';

/**
 * Credentials are no longer checked before a run, so a refused PAT is recognised from whatever the first
 * requests meet. Here every request, route discovery included, gets Azure DevOps's sign-in page (203, as
 * the service answers a bad PAT without `X-TFS-FedAuthRedirect: Suppress`): the simulator answers
 * discovery anonymously, so it cannot show that discovery failing this way still reads as a refused PAT.
 */
let server: Server;
let organizationUrl: string;
let storage: Storage;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.writeHead(203, { 'content-type': 'text/html; charset=utf-8' });
    response.end(SIGN_IN_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  organizationUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fabrikam`;
  storage = await openStorage({ kind: 'sqlite', path: ':memory:' });
  forgetAllClientSets();
});

afterAll(async () => {
  await storage.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a PAT refused with the sign-in page, discovery included', () => {
  it('makes route discovery fail as refused credentials, not as a missing route', async () => {
    const connection = createAdoConnection({ organizationUrl, personalAccessToken: 'revoked' });
    await expect(connection.workItemTracking()).rejects.toBeInstanceOf(AdoAuthenticationError);
    expect(requests.some((line) => line.includes('/_apis/connectionData'))).toBe(true);
  });

  it('stops the sync with refused credentials and marks every stream so', async () => {
    await expect(
      syncOrganization({
        repository: storage.repository,
        delivery: storage.delivery,
        statusStore: storage.streamStatus,
        createConnection: createAdoConnection,
        logger: silentLogger,
        target: { organization: 'fabrikam', organizationUrl, personalAccessToken: 'revoked' },
      }),
    ).rejects.toThrow(/refused the credentials/);
    const statuses = await storage.streamStatus.list('fabrikam');
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.map((status) => [status.stream, status.problem?.code])).toEqual(
      statuses.map((status) => [status.stream, 'credentials_refused']),
    );
    expect(statuses.every((status) => status.phase === 'failed')).toBe(true);
  });
});
