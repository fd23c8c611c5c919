import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSeikaClient } from '../../../../extension/src/api/seikaClient.ts';
import { clientWith, emptyAnswer, failure, fetchStub, json, range, team } from './seikaClientStub.ts';

describe('createSeikaClient: requests', () => {
  it.each([
    { serviceUrl: 'https://seika.example.com', query: range, expectedBase: 'https://seika.example.com' },
    { serviceUrl: 'https://seika.example.com//', query: range, expectedBase: 'https://seika.example.com' },
    { serviceUrl: 'https://example.com/seika/', query: range, expectedBase: 'https://example.com/seika' },
  ])('calls the cycle-time endpoint under $serviceUrl', async ({ serviceUrl, query, expectedBase }) => {
    const { client, calls } = clientWith(() => json(emptyAnswer), serviceUrl);
    await expect(client.getCycleTime(team, query)).resolves.toEqual(emptyAnswer);
    expect(calls.map((call) => call.url)).toEqual([
      `${expectedBase}/api/v1/organizations/contoso/projects/Fabrikam%20Fiber/teams/Web%2FQA%20%26%20Ops/flow/cycle-time?from=2024-01-01&to=2024-03-31`,
    ]);
  });

  it('passes the time zone when one is given', async () => {
    const { client, calls } = clientWith(() => json(emptyAnswer));
    await client.getCycleTime(team, { ...range, timeZone: 'Asia/Tokyo' });
    expect(new URL(calls[0]?.url ?? '').searchParams.get('timeZone')).toBe('Asia/Tokyo');
  });

  it('sends the app token, the user token and the organization, asks for JSON and forwards the abort signal', async () => {
    const { client, calls } = clientWith(() => json(emptyAnswer));
    const controller = new AbortController();
    await client.getCycleTime(team, range, controller.signal);
    expect(calls[0]?.init?.headers).toEqual({
      Authorization: 'Bearer app-token-1',
      'X-Seika-User-Token': 'user-token-1',
      'X-Seika-Organization': 'contoso',
      Accept: 'application/json',
    });
    expect(calls[0]?.init?.signal).toBe(controller.signal);
  });

  it('does not call the service when no token can be had', async () => {
    const stub = fetchStub(() => json(emptyAnswer));
    const client = createSeikaClient({
      serviceUrl: 'https://seika.example.com',
      getToken: () => Promise.reject(new Error('The host refused an app token.')),
      getUserToken: () => Promise.resolve('user-token-1'),
      organization: 'contoso',
      fetch: stub.fetch,
    });
    await expect(client.getCycleTime(team, range)).rejects.toThrow('The host refused an app token.');
    expect(stub.calls).toHaveLength(0);
  });
});

describe('createSeikaClient: organization calls', () => {
  const connectRequest = {
    organizationUrl: 'https://dev.azure.com/contoso',
    personalAccessToken: 'pat-secret-123',
    subscribeToEvents: false,
  };

  it('posts the connect request as JSON with the token and JSON headers together', async () => {
    const { client, calls } = clientWith(() => json({}));
    await client.connectOrganization(connectRequest);
    expect(calls[0]?.url).toBe('https://seika.example.com/api/v1/organizations');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.headers).toEqual({
      Authorization: 'Bearer app-token-1',
      'X-Seika-User-Token': 'user-token-1',
      'X-Seika-Organization': 'contoso',
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(connectRequest);
  });

  it('reports a refused PAT against its field, without echoing the PAT', async () => {
    const { client } = clientWith(() =>
      json(
        {
          error: {
            code: 'invalid_credentials',
            message: 'Azure DevOps refused the personal access token.',
            parameter: 'personalAccessToken',
          },
        },
        400,
        'Bad Request',
      ),
    );
    const error = await failure(client.connectOrganization(connectRequest));
    expect([error.parameter, error.code, error.status]).toEqual([
      'personalAccessToken',
      'invalid_credentials',
      400,
    ]);
    expect(error.message).not.toContain('pat-secret-123');
  });

  it('deletes an organization by its encoded name', async () => {
    const { client, calls } = clientWith(() => Promise.resolve(new Response(null, { status: 204 })));
    await client.disconnectOrganization('contoso labs');
    expect([calls[0]?.url, calls[0]?.init?.method]).toEqual([
      'https://seika.example.com/api/v1/organizations/contoso%20labs',
      'DELETE',
    ]);
  });

  it('asks for the data to be deleted only when told', async () => {
    const { client, calls } = clientWith(() => Promise.resolve(new Response(null, { status: 204 })));
    await client.disconnectOrganization('contoso', undefined, { deleteData: true });
    await client.disconnectOrganization('contoso', undefined, { deleteData: false });
    expect(calls.map((call) => call.url)).toEqual([
      'https://seika.example.com/api/v1/organizations/contoso?deleteData=true',
      'https://seika.example.com/api/v1/organizations/contoso',
    ]);
  });
});

describe('createSeikaClient: the default fetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("uses the page's global fetch when none is passed in", async () => {
    const stub = fetchStub(() =>
      json({ error: { code: 'forbidden', message: 'Not a member.' } }, 403, 'Forbidden'),
    );
    vi.stubGlobal('window', globalThis);
    vi.stubGlobal('fetch', stub.fetch);
    const client = createSeikaClient({
      serviceUrl: 'https://seika.example.com',
      getToken: () => Promise.resolve('t'),
      getUserToken: () => Promise.resolve('u'),
      organization: 'contoso',
    });
    const error = await failure(client.getCycleTime(team, range));
    expect([error.message, error.code, stub.calls.length]).toEqual(['Not a member.', 'forbidden', 1]);
  });
});
