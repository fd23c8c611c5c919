import { describe, expect, it, vi } from 'vitest';
import { createSeikaClient, toSearchParams } from '../../../../../extension/src/api/seikaClient.ts';

const team = { organization: 'contoso', project: 'Fabrikam Fiber', team: 'Web/QA & Ops' };

function recordingClient() {
  const urls: string[] = [];
  const methods: (string | undefined)[] = [];
  const fetchStub = vi.fn((input: string | URL | Request, init?: RequestInit) => {
    urls.push(String(input));
    methods.push(init?.method);
    return Promise.resolve(new Response('{}', { status: 200 }));
  });
  const client = createSeikaClient({
    serviceUrl: 'https://seika.example.com/',
    getToken: () => Promise.resolve('t'),
    getUserToken: () => Promise.resolve('u'),
    organization: 'contoso',
    fetch: fetchStub,
  });
  return { client, urls, methods };
}

describe('Flow hub requests', () => {
  it('writes lists as comma lists and leaves out what is not set', () => {
    expect(
      toSearchParams({
        from: '2026-01-01',
        to: '2026-01-31',
        workItemTypes: ['Bug', 'User Story'],
        tags: [],
        areaPath: undefined,
        history: 30,
      }).toString(),
    ).toBe('from=2026-01-01&to=2026-01-31&workItemTypes=Bug%2CUser+Story&history=30');
  });

  it('asks for the summary, forecasts and settings under the team path', async () => {
    const { client, urls, methods } = recordingClient();
    await client.getFlowSummary(team, { from: '2026-01-01', to: '2026-01-31', tags: ['a'], tagMatch: 'all' });
    await client.getHowManyForecast(team, { by: '2026-02-15', history: 60 });
    await client.getWhenForecast(team, { items: 20 });
    await client.getTeamSettings(team);
    await client.putTeamSettings(team, { lookbackDays: 30 });
    const base =
      'https://seika.example.com/api/v1/organizations/contoso/projects/Fabrikam%20Fiber/teams/Web%2FQA%20%26%20Ops/flow';
    expect(urls).toEqual([
      `${base}/summary?from=2026-01-01&to=2026-01-31&tags=a&tagMatch=all`,
      `${base}/forecast/how-many?by=2026-02-15&history=60`,
      `${base}/forecast/when?items=20`,
      `${base}/settings`,
      `${base}/settings`,
    ]);
    expect(methods.at(-1)).toBe('PUT');
  });
});
