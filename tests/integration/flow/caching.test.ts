/**
 * One computation per view, kept until the team's data or settings change: endpoints of one team, range
 * and settings share one computation; concurrent identical requests wait for it; a stored page or a
 * settings change makes a new version, new ETags and a new computation. Answers are compressed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SPRINTS, startFlowApi, type FlowApiHarness } from './server.ts';

let api: FlowApiHarness;
const RANGE = 'from=2026-01-05&to=2026-04-30';

const results = () => api.flowCaches.results.stats().misses;
const teamLoads = () => api.flowCaches.teamData.stats().misses;

async function fetchJson(path: string, query = RANGE) {
  const response = await api.request(api.flowUrl(path, query), {
    headers: { 'accept-encoding': 'identity' },
  });
  expect(response.status).toBe(200);
  return { etag: response.headers.get('etag'), body: (await response.json()) as unknown };
}

beforeAll(async () => {
  api = await startFlowApi({ seed: 5, scale: 'tiny' });
});

afterAll(async () => {
  await api.close();
});

describe('one computation per view', () => {
  it('answers concurrent requests of several endpoints of one view from one computation', async () => {
    const before = results();
    const loadsBefore = teamLoads();
    const paths = ['cycle-time', 'cycle-time', 'cycle-time', 'throughput', 'wip', 'aging', 'lead-time'];
    const answers = await Promise.all(paths.map((path) => fetchJson(path)));
    expect(results() - before).toBe(1);
    expect(teamLoads() - loadsBefore).toBeLessThanOrEqual(1);
    expect(answers[1]?.body).toEqual(answers[0]?.body);
    expect(answers[2]?.body).toEqual(answers[0]?.body);
    // Asked again: no computation, no load.
    await fetchJson('service-levels');
    await fetchJson('cycle-time');
    expect(results() - before).toBe(1);
    expect(teamLoads() - loadsBefore).toBeLessThanOrEqual(1);
  });

  it('computes another range or filter on its own, from the same loaded data', async () => {
    const before = results();
    const loadsBefore = teamLoads();
    await fetchJson('cycle-time', 'from=2026-02-01&to=2026-04-30');
    await fetchJson('cycle-time', `${RANGE}&tags=nothing-has-this-tag`);
    expect(results() - before).toBe(2);
    expect(teamLoads()).toBe(loadsBefore);
  });

  it('starts again when a sync stores a page: new ETag, new load, new computation', async () => {
    const first = await fetchJson('throughput');
    const before = results();
    const loadsBefore = teamLoads();
    await api.replaceIterations(TEST_SPRINTS.slice(0, 13));
    const second = await fetchJson('throughput');
    expect(second.etag).not.toBe(first.etag);
    expect(results() - before).toBe(1);
    expect(teamLoads() - loadsBefore).toBe(1);
  });

  it('starts again when the team settings change, and the answer follows them', async () => {
    const first = await fetchJson('cycle-time');
    const before = results();
    const saved = await api.json(api.flowUrl('settings'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ percentiles: [50, 70] }),
    });
    expect(saved.status).toBe(200);
    try {
      const second = await fetchJson('cycle-time');
      expect(second.etag).not.toBe(first.etag);
      expect(results() - before).toBe(1);
      const percentiles = (second.body as { percentiles: { percentile: number }[] }).percentiles;
      expect(percentiles.map((line) => line.percentile)).toEqual([50, 70]);
    } finally {
      await api.json(api.flowUrl('settings'), { method: 'DELETE' });
    }
  });
});

describe('compression', () => {
  const url = () => api.flowUrl('summary', RANGE);

  it.each(['br', 'gzip'])('answers %s when asked, with the same JSON as uncompressed', async (coding) => {
    const plain = await api.request(url(), { headers: { 'accept-encoding': 'identity' } });
    const plainText = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    const compressed = await api.request(url(), { headers: { 'accept-encoding': coding } });
    expect(compressed.headers.get('content-encoding')).toBe(coding);
    expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
    // Content-Length counts the bytes sent; fetch hands back the decompressed text.
    expect(Number(compressed.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(plainText) / 3);
    expect(await compressed.text()).toBe(plainText);
    // A strong tag promises the same bytes: each coding has its own.
    expect(compressed.headers.get('etag')).not.toBe(plain.headers.get('etag'));
  });

  it('sends small answers and 304s uncompressed', async () => {
    const missing = await api.request(api.flowUrl('wip', 'from=2026-05-01'), {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-encoding')).toBeNull();
    const first = await api.request(url(), { headers: { 'accept-encoding': 'gzip' } });
    const again = await api.request(url(), {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': first.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-encoding')).toBeNull();
  });
});
