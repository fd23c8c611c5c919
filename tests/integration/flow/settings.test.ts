import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  agingResponseSchema,
  apiErrorSchema,
  cycleTimeResponseSchema,
  flowEfficiencyResponseSchema,
  teamSettingsResponseSchema,
} from '../../../service/src/contract/index.ts';
import { startFlowApi, type FlowApiHarness } from './server.ts';

const RANGE = 'from=2026-03-01&to=2026-05-31';
let api: FlowApiHarness;

async function put(body: unknown, team?: string) {
  return api.json(api.flowUrl('settings', '', team), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function cycleTimes(query = RANGE) {
  const { status, body } = await api.json(api.flowUrl('cycle-time', query));
  expect(status, JSON.stringify(body)).toBe(200);
  return cycleTimeResponseSchema.parse(body);
}

beforeAll(async () => {
  api = await startFlowApi({ seed: 5, scale: 'demo' });
});

beforeEach(async () => {
  await api.json(api.flowUrl('settings'), { method: 'DELETE' });
});

afterAll(async () => {
  await api.close();
});

describe('team flow settings', () => {
  it('answers the defaults, with what the settings may name, when nothing is stored', async () => {
    const { status, body } = await api.json(api.flowUrl('settings'));
    expect(status).toBe(200);
    const answer = teamSettingsResponseSchema.parse(body);
    expect(answer).toMatchObject({
      isDefault: true,
      updatedAt: null,
      effectiveTimeZone: 'Asia/Tokyo',
      // Unset: Japanese national holidays because the team works on Japan time.
      effectiveHolidayCalendar: 'japan',
    });
    expect(answer.settings).toEqual({
      timeZone: null,
      startPoint: { kind: 'category' },
      endPoint: { kind: 'category' },
      waitingStates: [],
      workItemTypes: null,
      lookbackDays: 90,
      percentiles: [50, 70, 85, 95],
      weekStartsOn: 1,
      forecast: { historyDays: 30, trials: 10_000 },
      holidayCalendar: null,
    });
    expect(answer.options).toMatchObject({
      teamWorkItemTypes: ['User Story', 'Bug'],
      board: 'Stories',
      boardColumns: ['New', 'Active', 'Resolved', 'Closed'],
    });
    expect(answer.options.states).toContainEqual(
      expect.objectContaining({ name: 'Resolved', category: 'Resolved' }),
    );
  });

  it('round-trips a partial PUT (defaults fill the rest) and a DELETE restores the defaults', async () => {
    const saved = await put({ waitingStates: ['Resolved'], lookbackDays: 30, timeZone: 'UTC' });
    expect(saved.status).toBe(200);
    const answer = teamSettingsResponseSchema.parse(saved.body);
    expect(answer.isDefault).toBe(false);
    expect(answer.settings).toMatchObject({
      waitingStates: ['Resolved'],
      lookbackDays: 30,
      timeZone: 'UTC',
      weekStartsOn: 1,
    });
    expect(answer.effectiveTimeZone).toBe('UTC');
    expect(Date.parse(answer.updatedAt ?? '')).not.toBeNaN();
    const read = teamSettingsResponseSchema.parse((await api.json(api.flowUrl('settings'))).body);
    expect(read).toEqual(answer);
    // Team names are case-insensitive, as in Azure DevOps.
    const sameTeam = await api.json(api.flowUrl('settings', '', api.simulator.team.toUpperCase()));
    expect(teamSettingsResponseSchema.parse(sameTeam.body).settings).toEqual(answer.settings);
    const reset = teamSettingsResponseSchema.parse(
      (await api.json(api.flowUrl('settings'), { method: 'DELETE' })).body,
    );
    expect(reset.isDefault).toBe(true);
    expect(reset.settings.waitingStates).toEqual([]);
  });

  it('apply to every answer: waiting states, lookback, time zone, measured types', async () => {
    const before = await cycleTimes();
    await put({ waitingStates: ['resolved'], lookbackDays: 30, timeZone: 'UTC', workItemTypes: ['Bug'] });
    const efficiency = flowEfficiencyResponseSchema.parse(
      (await api.json(api.flowUrl('flow-efficiency', RANGE))).body,
    );
    expect(efficiency.waitingStates).toEqual(['resolved']);
    expect(efficiency.waitingHours).toBeGreaterThan(0);
    expect(efficiency.efficiency).toBeLessThan(1);
    const aging = agingResponseSchema.parse((await api.json(api.flowUrl('aging', RANGE))).body);
    expect(aging.lookback).toMatchObject({ fromDay: '2026-05-02', toDay: '2026-05-31' });
    const after = await cycleTimes();
    expect(after.timeZone).toBe('UTC');
    expect(after.items.every((item) => item.workItemType === 'Bug')).toBe(true);
    expect(after.items.length).toBeLessThan(before.items.length);
    expect((await cycleTimes(`${RANGE}&timeZone=Asia/Tokyo`)).timeZone).toBe('Asia/Tokyo');
    const notMeasured = await api.json(api.flowUrl('cycle-time', `${RANGE}&workItemTypes=User Story`));
    expect(apiErrorSchema.parse(notMeasured.body).error.parameter).toBe('workItemTypes');
  });

  it('moves the start point to a state or a board column', async () => {
    const byCategory = await cycleTimes();
    await put({ startPoint: { kind: 'state', states: ['Resolved'] } });
    const byState = await cycleTimes();
    const categoryDays = new Map(byCategory.items.map((item) => [item.id, item.cycleTimeDays]));
    let shorter = 0;
    for (const item of byState.items) {
      const days = categoryDays.get(item.id);
      if (days === undefined) continue;
      expect(item.cycleTimeDays).toBeLessThanOrEqual(days);
      if (item.cycleTimeDays < days) shorter++;
    }
    expect(shorter).toBeGreaterThan(0);
    await put({ startPoint: { kind: 'boardColumn', column: 'Resolved' } });
    const byColumn = await cycleTimes();
    expect(byColumn.items.length).toBeGreaterThan(0);
    const stateDays = new Map(byState.items.map((item) => [item.id, item.cycleTimeDays]));
    for (const item of byColumn.items) {
      const days = stateDays.get(item.id);
      if (days !== undefined) expect(item.cycleTimeDays).toBe(days);
    }
  });

  it.each([
    [
      { startPoint: { kind: 'state', states: ['Doing'] } },
      'startPoint.states.0',
      /"Doing", which is not a state/,
    ],
    [
      { startPoint: { kind: 'state', states: ['Active', 'resolved'] } },
      'startPoint.states.1',
      /spelled "Resolved"/,
    ],
    [
      { endPoint: { kind: 'boardColumn', column: 'Shipped' } },
      'endPoint.column',
      /not a column of the board "Stories"/,
    ],
    [
      {
        startPoint: { kind: 'boardColumn', column: 'Resolved' },
        endPoint: { kind: 'boardColumn', column: 'Active' },
      },
      'endPoint.column',
      /right of the start column/,
    ],
    [
      { startPoint: { kind: 'sometime' } },
      'startPoint.kind',
      /Expected 'category' \| 'state' \| 'boardColumn'/,
    ],
    [{ waitingStates: ['Active', 'Blocked'] }, 'waitingStates.1', /"Blocked", which is not a state/],
    [{ workItemTypes: ['Spike'] }, 'workItemTypes.0', /"Spike", which is not a work item type/],
    [{ workItemTypes: [] }, 'workItemTypes', /at least one type/],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', /IANA time zone/],
    [{ lookbackDays: 0 }, 'lookbackDays', /"lookbackDays" must be at least 1\./],
    [{ percentiles: [0] }, 'percentiles.0', /above 0/],
    [{ forecast: { trials: 1_000_000 } }, 'forecast.trials', /must be at most 50000/],
    [{ colour: 'blue' }, 'colour', /not known here/],
  ])('refuses %j naming %s', async (body, parameter, message) => {
    const { status, body: answer } = await put(body);
    expect(status).toBe(400);
    const { error } = apiErrorSchema.parse(answer);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
    expect(teamSettingsResponseSchema.parse((await api.json(api.flowUrl('settings'))).body).isDefault).toBe(
      true,
    );
  });

  it('refuses a body that is not JSON, and answers 404 for an unknown team', async () => {
    const text = await api.request(api.flowUrl('settings'), { method: 'PUT', body: 'lookbackDays=5' });
    expect(text.status).toBe(400);
    expect((await put({}, 'No Such Team')).status).toBe(404);
    expect((await api.json(api.flowUrl('settings', '', 'No Such Team'))).status).toBe(404);
  });
});
