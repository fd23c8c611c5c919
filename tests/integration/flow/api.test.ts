import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FLOW_ENDPOINTS } from '../../../service/src/api/flow/endpoints.ts';
import {
  agingResponseSchema,
  apiErrorSchema,
  cumulativeFlowResponseSchema,
  cycleTimeHistogramResponseSchema,
  cycleTimeResponseSchema,
  cycleTimeTrendResponseSchema,
  dataQualityResponseSchema,
  flowEfficiencyResponseSchema,
  flowSummaryResponseSchema,
  leadTimeResponseSchema,
  serviceLevelsResponseSchema,
  throughputResponseSchema,
  wipResponseSchema,
} from '../../../service/src/contract/index.ts';
import { startFlowApi, type FlowApiHarness } from './server.ts';

const RANGE = 'from=2026-03-01&to=2026-05-31';
let api: FlowApiHarness;

async function answer<S extends z.ZodType>(schema: S, path: string, query = RANGE): Promise<z.output<S>> {
  const { status, body } = await api.json(api.flowUrl(path, query));
  expect(status, JSON.stringify(body)).toBe(200);
  return schema.parse(body);
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const nearestRank = (sorted: readonly number[], p: number) =>
  sorted[Math.ceil((p / 100) * sorted.length) - 1];

beforeAll(async () => {
  api = await startFlowApi({ seed: 5, scale: 'demo' });
});

afterAll(async () => {
  await api.close();
});

describe('flow metric endpoints', () => {
  it('every range endpoint answers its contract schema', async () => {
    const ranged = Object.values(FLOW_ENDPOINTS).filter((spec) => !spec.path.includes('/forecast/'));
    expect(ranged).toHaveLength(12);
    for (const spec of ranged) {
      const { status, body } = await api.json(api.flowUrl(spec.path.replace('/flow/', ''), RANGE));
      expect(status, spec.path).toBe(200);
      expect(spec.response.safeParse(body).success, spec.path).toBe(true);
    }
  });

  it('cycle-time keeps its original shape and the nearest-rank percentiles', async () => {
    const result = await answer(cycleTimeResponseSchema, 'cycle-time');
    expect(result.items.length).toBeGreaterThan(20);
    expect(result.timeZone).toBe('Asia/Tokyo');
    expect(result.syncedAt).not.toBeNull();
    expect(new Set(result.items.map((item) => item.workItemType))).toEqual(new Set(['Bug', 'User Story']));
    const sorted = result.items.map((item) => item.cycleTimeDays).sort((a, b) => a - b);
    for (const line of result.percentiles) expect(line.days).toBe(nearestRank(sorted, line.percentile));
    for (const item of result.items)
      expect(item.completedOn >= '2026-03-01' && item.completedOn <= '2026-05-31').toBe(true);
  });

  it('throughput, cycle time, lead time and the histogram count the same completions', async () => {
    const cycle = await answer(cycleTimeResponseSchema, 'cycle-time');
    const throughput = await answer(throughputResponseSchema, 'throughput');
    const lead = await answer(leadTimeResponseSchema, 'lead-time');
    const histogram = await answer(cycleTimeHistogramResponseSchema, 'cycle-time-histogram');
    expect(throughput.total).toBe(cycle.items.length + cycle.completedWithoutStart.length);
    expect(throughput.completedWithoutStart).toBe(cycle.completedWithoutStart.length);
    expect(sum(throughput.daily.map((day) => day.count))).toBe(throughput.total);
    expect(sum(throughput.weekly.map((week) => week.count))).toBe(throughput.total);
    expect(throughput.daily).toHaveLength(92);
    expect(lead.items).toHaveLength(throughput.total);
    expect(sum(histogram.bins.map((bin) => bin.count))).toBe(cycle.items.length);
    expect(histogram.sampleSize).toBe(cycle.items.length);
    for (const item of lead.items) {
      const started = cycle.items.find((entry) => entry.id === item.id);
      if (started !== undefined) expect(item.leadTimeDays).toBeGreaterThanOrEqual(started.cycleTimeDays);
    }
    // Sprints overlapping the range, each counting only its days inside it.
    for (const sprint of throughput.sprints) {
      const inside = throughput.daily.filter((day) => day.day >= sprint.fromDay && day.day <= sprint.toDay);
      expect(sprint.count).toBe(sum(inside.map((day) => day.count)));
    }
    expect(throughput.sprints.length).toBeGreaterThan(0);
  });

  it('WIP and arrivals cover every day; the trend window is 20% of the days, odd', async () => {
    const wip = await answer(wipResponseSchema, 'wip');
    expect(wip.daily).toHaveLength(92);
    expect(wip.arrivals.total).toBe(sum(wip.arrivals.daily.map((day) => day.count)));
    expect(wip.average).toBeCloseTo(sum(wip.daily.map((day) => day.count)) / 92, 10);
    const trend = await answer(
      cycleTimeTrendResponseSchema,
      'cycle-time-trend',
      'from=2026-05-01&to=2026-05-30',
    );
    expect(trend.windowDays).toBe(5);
    expect(trend.days).toHaveLength(30);
  });

  it('aging replays a past basis day; service levels are percentiles of the lookback window', async () => {
    const now = await answer(agingResponseSchema, 'aging');
    const past = await answer(agingResponseSchema, 'aging', `${RANGE}&basis=2026-04-15`);
    expect(now.basis).toBe('2026-05-31');
    expect(past.basis).toBe('2026-04-15');
    expect(past.lookback).toMatchObject({ fromDay: '2026-01-16', toDay: '2026-04-15' });
    expect(past.items.map((item) => item.id)).not.toEqual(now.items.map((item) => item.id));
    for (const item of past.items) {
      const age = (Date.parse('2026-04-15') - Date.parse(item.startedOn)) / 86_400_000 + 1;
      expect(item.ageDays).toBe(age);
      const expected =
        item.pacePassed === null ? 'withinLowest' : item.within === null ? 'beyondHighest' : 'between';
      expect(item.zone).toBe(expected);
    }
    const levels = await answer(serviceLevelsResponseSchema, 'service-levels', `${RANGE}&percentiles=85,50`);
    expect(levels.serviceLevels.map((level) => level.percentile)).toEqual([50, 85]);
    const lookback = await answer(
      cycleTimeResponseSchema,
      'cycle-time',
      `from=${levels.lookback.fromDay}&to=${levels.lookback.toDay}`,
    );
    const sorted = lookback.items.map((item) => item.cycleTimeDays).sort((a, b) => a - b);
    for (const level of levels.serviceLevels) {
      expect(level.sampleSize).toBe(sorted.length);
      expect(level.days).toBe(nearestRank(sorted, level.percentile));
      expect(level.statement).toBe(`${level.percentile}% of items finish within ${level.days} days.`);
    }
  });

  it('cumulative flow stacks categories, states and the board columns', async () => {
    const flow = await answer(cumulativeFlowResponseSchema, 'cumulative-flow');
    expect(flow.byCategory.days).toHaveLength(92);
    expect(flow.byCategory.bands.map((band) => band.name).slice(0, 4)).toEqual([
      'Proposed',
      'InProgress',
      'Resolved',
      'Completed',
    ]);
    expect(flow.board).toBe('Stories');
    expect(flow.byColumn?.bands.map((band) => band.name)).toEqual(['New', 'Active', 'Resolved', 'Closed']);
    const totals = flow.byCategory.days.map((_, day) =>
      sum(flow.byCategory.bands.map((band) => band.counts[day] ?? 0)),
    );
    const stateTotals = flow.byState.days.map((_, day) =>
      sum(flow.byState.bands.map((band) => band.counts[day] ?? 0)),
    );
    expect(stateTotals).toEqual(totals);
    for (let day = 1; day < totals.length; day++)
      expect(totals[day]).toBeGreaterThanOrEqual(totals[day - 1] ?? 0);
    expect(totals.at(-1)).toBeLessThanOrEqual(flow.itemCount);
  });

  it('flow efficiency without waiting states is all active time; data quality explains skipped starts', async () => {
    const efficiency = await answer(flowEfficiencyResponseSchema, 'flow-efficiency');
    expect(efficiency.waitingStates).toEqual([]);
    expect(efficiency.waitingHours).toBe(0);
    expect(efficiency.efficiency).toBe(1);
    const cycle = await answer(cycleTimeResponseSchema, 'cycle-time');
    expect(efficiency.items.map((item) => item.id).sort()).toEqual(cycle.items.map((item) => item.id).sort());
    const quality = await answer(dataQualityResponseSchema, 'data-quality');
    for (const id of cycle.completedWithoutStart) {
      const flagged = quality.items.find((item) => item.id === id);
      expect(flagged?.flags).toContain('skippedStart');
      expect(
        flagged?.history.every((entry) => entry.category !== 'InProgress' && entry.category !== 'Resolved'),
      ).toBe(true);
    }
    expect(quality.counts.skippedStart).toBe(
      quality.items.filter((item) => item.flags.includes('skippedStart')).length,
    );
    expect(Object.keys(quality.flagDescriptions).sort()).toEqual(Object.keys(quality.counts).sort());
  });

  it('the summary holds exactly what each endpoint answers', async () => {
    const summary = await answer(flowSummaryResponseSchema, 'summary');
    const { organization, project, team, from, to, timeZone, filters, itemCount, syncedAt, ...sections } =
      summary;
    const meta = { organization, project, team, from, to, timeZone, filters, itemCount, syncedAt };
    const endpoints: Record<keyof typeof sections, z.ZodType> = {
      cycleTime: cycleTimeResponseSchema,
      leadTime: leadTimeResponseSchema,
      throughput: throughputResponseSchema,
      wip: wipResponseSchema,
      aging: agingResponseSchema,
      serviceLevels: serviceLevelsResponseSchema,
      cumulativeFlow: cumulativeFlowResponseSchema,
      flowEfficiency: flowEfficiencyResponseSchema,
      cycleTimeHistogram: cycleTimeHistogramResponseSchema,
      cycleTimeTrend: cycleTimeTrendResponseSchema,
      dataQuality: dataQualityResponseSchema,
    };
    for (const [name, schema] of Object.entries(endpoints)) {
      const spec = Object.values(FLOW_ENDPOINTS).find((candidate) => candidate.response === schema);
      const single = await answer(schema, spec?.path.replace('/flow/', '') ?? '');
      expect(single, name).toEqual({ ...meta, ...sections[name as keyof typeof sections] });
    }
  });
});

describe('filters', () => {
  it('narrow the items by type, tag and area path below the team', async () => {
    const all = await answer(cycleTimeResponseSchema, 'cycle-time');
    const bugs = await answer(cycleTimeResponseSchema, 'cycle-time', `${RANGE}&workItemTypes=bug`);
    expect(bugs.filters.workItemTypes).toEqual(['Bug']);
    expect(bugs.items.length).toBeGreaterThan(0);
    expect(bugs.items.every((item) => item.workItemType === 'Bug')).toBe(true);
    expect(bugs.items.length).toBeLessThan(all.items.length);
    const checkout = await answer(
      cycleTimeResponseSchema,
      'cycle-time',
      `${RANGE}&areaPath=Seika Demo\\Web\\Checkout`,
    );
    expect(checkout.itemCount).toBeLessThan(all.itemCount);
    expect(checkout.items.length).toBeGreaterThan(0);
    const tagged = await answer(
      cycleTimeResponseSchema,
      'cycle-time',
      `${RANGE}&tags=frontend,backend&tags=mobile`,
    );
    expect(tagged.filters.tags).toEqual(['frontend', 'backend', 'mobile']);
    const ids = new Set(all.items.map((item) => item.id));
    for (const subset of [bugs, checkout, tagged])
      expect(subset.items.every((item) => ids.has(item.id))).toBe(true);
    const both = await answer(
      cycleTimeResponseSchema,
      'cycle-time',
      `${RANGE}&tags=frontend,backend&tagMatch=all`,
    );
    expect(both.items.length).toBeLessThanOrEqual(tagged.items.length);
  });
});

describe('bad requests', () => {
  it.each([
    ['cycle-time', 'to=2026-05-31', 'from', /"from" is required/],
    ['throughput', 'from=2026-05-31', 'to', /"to" is required/],
    ['wip', 'from=31-05-2026&to=2026-06-01', 'from', /YYYY-MM-DD/],
    ['aging', 'from=2026-02-30&to=2026-03-01', 'from', /real calendar date/],
    ['lead-time', 'from=2026-05-31&to=2026-05-01', 'from', /after "to"/],
    ['summary', 'from=2010-01-01&to=2026-05-01', 'from', /less than 3660 days/],
    ['cycle-time', `${RANGE}&timeZone=Mars/Olympus`, 'timeZone', /IANA time zone/],
    ['aging', `${RANGE}&basis=yesterday`, 'basis', /YYYY-MM-DD/],
    ['service-levels', `${RANGE}&percentiles=0,50`, 'percentiles', /above 0/],
    ['service-levels', `${RANGE}&percentiles=fifty`, 'percentiles', /numbers/],
    ['cycle-time', `${RANGE}&tagMatch=some`, 'tagMatch', /any|all/],
    ['cycle-time', `${RANGE}&workItemTypes=Task`, 'workItemTypes', /"Task".*team's work item types/],
    [
      'cycle-time',
      `${RANGE}&areaPath=Seika Demo\\Platform`,
      'areaPath',
      /at or below one of the team's area paths/,
    ],
    ['wip', `${RANGE}&form=2026-01-01`, 'form', /not known here/],
    ['throughput', `${RANGE}&format=csv`, 'format', /not known here/],
  ])('%s?%s answers 400 naming %s', async (path, query, parameter, message) => {
    const { status, body } = await api.json(api.flowUrl(path, query));
    expect(status).toBe(400);
    const { error } = apiErrorSchema.parse(body);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
  });

  it('answers 401 without a valid token and 404 for an unknown team or organization', async () => {
    const url = api.flowUrl('throughput', RANGE);
    for (const token of [
      null,
      await api.token({ secret: 'another-secret-entirely' }),
      await api.token({ expiresIn: '-5m' }),
    ]) {
      expect((await api.request(url, { token })).status).toBe(401);
    }
    const team = await api.json(api.flowUrl('summary', RANGE, 'No Such Team'));
    expect(team.status).toBe(404);
    expect(apiErrorSchema.parse(team.body).error.message).toMatch(/No Such Team/);
    const organization = await api.json(
      api.flowUrl('wip', RANGE).replace(`/organizations/${api.organization}/`, '/organizations/nope/'),
    );
    expect(organization.status).toBe(404);
    expect(apiErrorSchema.parse(organization.body).error.message).toMatch(/"nope" is not connected/);
  });
});

describe('teams scoped by a custom team field', () => {
  it('answers 422 unsupported_team_field rather than matching the values against area paths', async () => {
    await api.storage.repository.applyTeamScopePage(
      api.organization,
      api.simulator.project,
      'Hosted XML Team',
      {
        stream: 'work.metadata',
        requestUrl: 'test://teamfieldvalues',
        requestToken: null,
        responseToken: null,
        isLastBatch: true,
        itemCount: 1,
        body: '{}',
      },
      {
        field: 'Custom.OwningTeam',
        values: [{ value: 'Hosted XML Team', includeChildren: false }],
        backlogWorkItemTypes: ['User Story', 'Bug'],
      },
    );
    const { status, body } = await api.json(api.flowUrl('cycle-time', RANGE, 'Hosted XML Team'));
    expect(status).toBe(422);
    const { error } = apiErrorSchema.parse(body);
    expect(error.code).toBe('unsupported_team_field');
    expect(error.message).toMatch(/custom team field "Custom\.OwningTeam".*area path only/);
  });
});
