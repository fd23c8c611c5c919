import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  howManyResponseSchema,
  sprintForecastResponseSchema,
  throughputResponseSchema,
  whenResponseSchema,
} from '../../../service/src/contract/index.ts';
import { startFlowApi, type FlowApiHarness } from './server.ts';

let api: FlowApiHarness;

const SPRINTS = [
  {
    id: 'a',
    name: 'Sprint A',
    path: 'Seika Demo\\Sprint A',
    startDay: '2026-05-18',
    finishDay: '2026-05-29',
  },
  {
    id: 'b',
    name: 'Sprint B',
    path: 'Seika Demo\\Sprint B',
    startDay: '2026-06-01',
    finishDay: '2026-06-12',
  },
  { id: 'u', name: 'Undated', path: 'Seika Demo\\Undated', startDay: null, finishDay: null },
];

async function get(path: string, query: string): Promise<{ status: number; body: unknown }> {
  return api.json(api.flowUrl(`forecast/${path}`, query));
}

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return api.json(api.flowUrl(`forecast/${path}`), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  api = await startFlowApi({ seed: 5, scale: 'demo' });
  await api.replaceIterations(SPRINTS);
});

afterAll(async () => {
  await api.close();
});

describe('how many items by a date', () => {
  it('is seeded: the same request repeats its answer, another seed changes it, POST equals GET', async () => {
    const query = 'by=2026-06-14&basis=2026-05-31&history=30&trials=5000';
    const first = await get('how-many', query);
    const second = await get('how-many', query);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const posted = await post('how-many', {
      by: '2026-06-14',
      basis: '2026-05-31',
      history: 30,
      trials: 5000,
    });
    expect(posted.body).toEqual(first.body);
    const seeded = howManyResponseSchema.parse((await get('how-many', `${query}&seed=1`)).body);
    const reseeded = howManyResponseSchema.parse((await get('how-many', `${query}&seed=2`)).body);
    expect(seeded.seed).toBe(1);
    expect(seeded.distribution).not.toEqual(reseeded.distribution);
    expect((await get('how-many', `${query}&seed=1`)).body).toEqual(seeded);
    // A target reads the same trials: only the probability changes.
    const targeted = howManyResponseSchema.parse((await get('how-many', `${query}&target=9`)).body);
    expect(targeted.distribution).toEqual(howManyResponseSchema.parse(first.body).distribution);
    expect(targeted.seed).toBe(howManyResponseSchema.parse(first.body).seed);
  });

  it('samples the history the throughput endpoint shows and reports 50/70/85/95% and a target', async () => {
    const result = howManyResponseSchema.parse(
      (await get('how-many', 'by=2026-06-14&basis=2026-05-31&target=10')).body,
    );
    expect(result).toMatchObject({ basis: '2026-05-31', startDay: '2026-06-01', days: 14, trials: 10_000 });
    const throughput = throughputResponseSchema.parse(
      (await api.json(api.flowUrl('throughput', 'from=2026-05-02&to=2026-05-31'))).body,
    );
    expect(result.history).toEqual({
      fromDay: '2026-05-02',
      toDay: '2026-05-31',
      days: 30,
      total: throughput.total,
      zeroDays: throughput.daily.filter((day) => day.count === 0).length,
    });
    expect(result.confidences.map((line) => line.confidence)).toEqual([50, 70, 85, 95]);
    const items = result.confidences.map((line) => line.items);
    expect([...items].sort((a, b) => b - a)).toEqual(items);
    expect(result.distribution.reduce((total, entry) => total + entry.trials, 0)).toBe(10_000);
    const reaching = result.distribution
      .filter((entry) => entry.items >= 10)
      .reduce((t, e) => t + e.trials, 0);
    expect(result.target).toEqual({ items: 10, probability: reaching / 10_000 });
    for (const line of result.confidences) {
      const atLeast = result.distribution
        .filter((entry) => entry.items >= line.items)
        .reduce((t, e) => t + e.trials, 0);
      expect(atLeast / 10_000).toBeGreaterThanOrEqual(line.confidence / 100);
    }
  });

  it('defaults the basis to yesterday in the team time zone and filters the history', async () => {
    const result = howManyResponseSchema.parse((await get('how-many', 'by=2026-06-30')).body);
    expect(result.basis).toBe('2026-05-31');
    const bugs = howManyResponseSchema.parse((await get('how-many', 'by=2026-06-30&workItemTypes=Bug')).body);
    expect(bugs.filters.workItemTypes).toEqual(['Bug']);
    expect(bugs.history.total).toBeLessThan(result.history.total);
  });
});

describe('when will K items be done', () => {
  it('gives non-decreasing dates per confidence and the probability of a target date', async () => {
    const result = whenResponseSchema.parse(
      (await get('when', 'items=12&basis=2026-05-31&target=2026-06-20')).body,
    );
    expect(result.items).toBe(12);
    const days = result.confidences.map((line) => line.days ?? Number.POSITIVE_INFINITY);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(result.confidences[0]?.date).toBe(
      `2026-06-${String(result.confidences[0]?.days ?? 0).padStart(2, '0')}`,
    );
    const doneBy = result.distribution
      .filter((entry) => entry.date <= '2026-06-20')
      .reduce((t, e) => t + e.trials, 0);
    expect(result.target).toEqual({ date: '2026-06-20', probability: doneBy / result.trials });
    const again = await post('when', { items: 12, basis: '2026-05-31', target: '2026-06-20' });
    expect(again.body).toEqual(result);
  });
});

describe('the current sprint', () => {
  it('forecasts the rest of the sprint that includes the first forecast day', async () => {
    const result = sprintForecastResponseSchema.parse(
      (await get('sprint', 'basis=2026-05-24&target=8')).body,
    );
    expect(result.sprint).toEqual({ ...SPRINTS[0], startDay: '2026-05-18', finishDay: '2026-05-29' });
    expect(result.days).toBe(5);
    const throughput = throughputResponseSchema.parse(
      (await api.json(api.flowUrl('throughput', 'from=2026-05-18&to=2026-05-24'))).body,
    );
    expect(result.completedSoFar).toBe(throughput.total);
    const needed = Math.max(0, 8 - result.completedSoFar);
    const reaching = result.distribution
      .filter((entry) => entry.items >= needed)
      .reduce((t, e) => t + e.trials, 0);
    expect(result.target).toEqual({ items: 8, probability: reaching / result.trials });
    const today = sprintForecastResponseSchema.parse((await get('sprint', '')).body);
    expect(today.sprint.name).toBe('Sprint B');
    expect(today).toMatchObject({ completedSoFar: 0, days: 12, startDay: '2026-06-01' });
  });

  it('answers 404 no_current_sprint when no sprint includes the first forecast day', async () => {
    const { status, body } = await get('sprint', 'basis=2026-05-30');
    expect(status).toBe(404);
    const { error } = apiErrorSchema.parse(body);
    expect(error.code).toBe('no_current_sprint');
    expect(error.message).toMatch(
      /no sprint that includes 2026-05-31; the next one, "Sprint B", starts on 2026-06-01/,
    );
  });
});

describe('bad forecast requests', () => {
  it.each([
    ['how-many', 'basis=2026-05-31', 'by', /"by" is required/],
    ['how-many', 'by=2026-05-31&basis=2026-05-31', 'by', /after the basis day 2026-05-31/],
    ['how-many', 'by=2029-01-01&basis=2026-05-31', 'by', /at most 730 days/],
    ['how-many', 'by=2026-06-30&trials=100000', 'trials', /at most 50000/],
    ['how-many', 'by=2026-06-30&history=0', 'history', /at least 1/],
    ['how-many', 'by=2026-06-30&seed=-1', 'seed', /at least 0/],
    ['how-many', 'by=2026-06-30&target=1.5', 'target', /whole number/],
    ['when', 'items=0', 'items', /at least 1/],
    ['when', 'items=lots', 'items', /whole number/],
    ['when', 'items=5&basis=2026-05-31&target=2026-05-01', 'target', /after the basis day/],
    ['sprint', 'by=2026-06-01', 'by', /not known here/],
  ])('%s?%s answers 400 naming %s', async (path, query, parameter, message) => {
    const { status, body } = await get(path, query);
    expect(status).toBe(400);
    const { error } = apiErrorSchema.parse(body);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
  });

  it('refuses a POST whose body is not a JSON object, and names bad body fields', async () => {
    const text = await api.request(api.flowUrl('forecast/when'), { method: 'POST', body: 'items=5' });
    expect(text.status).toBe(400);
    const array = await post('when', [5]);
    expect(array.status).toBe(400);
    const wrong = await post('when', { items: 'many' });
    expect(apiErrorSchema.parse(wrong.body).error).toMatchObject({
      parameter: 'items',
      code: 'invalid_parameter',
    });
  });
});
