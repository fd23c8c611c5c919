import { vi } from 'vitest';
import type { CycleTimeResponse, TeamPath } from '../../../../service/src/contract/index.ts';
import { createSeikaClient, SeikaApiError } from '../../../../extension/src/api/seikaClient.ts';

/** Shared fixtures for the seikaClient tests: a fetch stand-in and helpers to read its answers. */
export const team: TeamPath = { organization: 'contoso', project: 'Fabrikam Fiber', team: 'Web/QA & Ops' };
export const range = { from: '2024-01-01', to: '2024-03-31' };

export const emptyAnswer: CycleTimeResponse = {
  organization: 'contoso',
  project: 'Fabrikam Fiber',
  team: 'Web/QA & Ops',
  from: '2024-01-01',
  to: '2024-03-31',
  timeZone: 'UTC',
  filters: { workItemTypes: [], tags: [], tagMatch: 'any', areaPath: null },
  itemCount: 0,
  syncedAt: null,
  items: [],
  percentiles: [],
  completedWithoutStart: [],
};

export interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch stand-in answering every request with `respond()` and recording what it was asked. */
export function fetchStub(respond: () => Promise<Response>): { fetch: typeof fetch; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const stub = vi.fn((input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return respond();
  });
  return { fetch: stub, calls };
}

export function clientWith(respond: () => Promise<Response>, serviceUrl = 'https://seika.example.com') {
  const stub = fetchStub(respond);
  const client = createSeikaClient({
    serviceUrl,
    getToken: () => Promise.resolve('app-token-1'),
    getUserToken: () => Promise.resolve('user-token-1'),
    organization: 'contoso',
    fetch: stub.fetch,
  });
  return { client, calls: stub.calls };
}

export function json(body: unknown, status = 200, statusText = 'OK'): Promise<Response> {
  return Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      statusText,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

export async function failure(promise: Promise<unknown>): Promise<SeikaApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SeikaApiError)) {
    throw new Error(`Expected a SeikaApiError, got ${String(error)}`);
  }
  return error;
}
