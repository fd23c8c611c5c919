import { WebApi, getPersonalAccessTokenHandler } from 'azure-devops-node-api';
import { startSimulator } from '../../../service/src/simulator/index.ts';
import type { RunningSimulator, SimulatorOptions } from '../../../service/src/simulator/index.ts';

export const NOW = new Date('2026-06-01T00:00:00Z');

export interface Connected {
  readonly sim: RunningSimulator;
  readonly api: WebApi;
  /** Raw GET with the PAT: status, parsed body and headers. */
  get(path: string): Promise<{ status: number; body: unknown; headers: Headers }>;
}

export async function connect(options: SimulatorOptions = {}): Promise<Connected> {
  const sim = await startSimulator({ seed: 5, scale: 'demo', now: NOW, ...options });
  const api = new WebApi(sim.organizationUrl, getPersonalAccessTokenHandler(sim.pat));
  return {
    sim,
    api,
    get: async (path) => {
      const url = path.startsWith('http') ? path : `${sim.organizationUrl}/${path}`;
      const response = await fetch(url, { headers: { Authorization: `Bearer ${sim.pat}` } });
      const text = await response.text();
      return {
        status: response.status,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
        headers: response.headers,
      };
    },
  };
}

export function statusOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
}

export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

export const project = encodeURIComponent('Seika Demo');
