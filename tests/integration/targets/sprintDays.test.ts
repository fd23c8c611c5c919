/**
 * A sprint lived day by day on the simulator's clock: each morning the sync brings the previous day's work,
 * the outlook is computed and stored, and at the end the verdicts equal what the team's flow says.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import type { SprintOutlookResponse } from '../../../service/src/contract/targets/sprintTargets.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { addDays } from '../../../service/src/metrics/calendar.ts';
import { createFlowService } from '../../../service/src/services/flow/service.ts';
import {
  organizationNameFromUrl,
  staticOrganizationDirectory,
} from '../../../service/src/services/organizationDirectory.ts';
import { createSprintOutlookService } from '../../../service/src/services/targets/outlookService.ts';
import { createWorkingCalendarService } from '../../../service/src/services/calendar/workingCalendarService.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const DAY = 86_400_000;
/** The simulator's next sprint of the demo team when its clock reads 8 June: Monday 15 to Friday 26 June 2026. */
const SPRINT_START = '2026-06-15';
let sprintId = '';

let directory: ReturnType<typeof temporaryDirectory>;
let simulator: RunningSimulator;
let storage: Storage;
const days: SprintOutlookResponse[] = [];

beforeAll(async () => {
  directory = temporaryDirectory('sprint-days');
  simulator = await startSimulator({ seed: 11, scale: 'demo', now: new Date('2026-06-07T23:00:00Z') });
  storage = await openStorage({ kind: 'sqlite', path: join(directory.path, 'sprint.sqlite') });
  const organization = organizationNameFromUrl(simulator.organizationUrl);
  const sync = () =>
    syncOrganization({
      repository: storage.repository,
      createConnection: createAdoConnection,
      logger: silentLogger,
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
  await sync();
  const sprint = (
    await storage.repository.getTeamIterations(organization, simulator.project, simulator.team)
  ).find((iteration) => iteration.startDay === SPRINT_START);
  if (sprint?.finishDay == null) throw new Error('the simulator has no sprint starting on 15 June');
  sprintId = sprint.id;
  const finishDay = sprint.finishDay;
  const key = { organization, project: simulator.project, team: simulator.team, iterationId: sprintId };
  await storage.sprintTargets.save(key, {
    targets: JSON.stringify({
      goal: { text: 'Ship the sprint’s stories', itemIds: [], tag: null },
      targets: [
        { kind: 'itemsFinished', atLeast: 8 },
        { kind: 'noItemOlderThan', days: 25 },
        { kind: 'wipCeiling', atMost: 15 },
      ],
      membersMayAddMissReasons: true,
    }),
    updatedAt: '2026-06-01T00:00:00.000Z',
  });
  const organizations = staticOrganizationDirectory([
    { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
  ]);
  const outlooks = createSprintOutlookService({
    repository: storage.repository,
    organizations,
    targets: storage.sprintTargets,
    teamSettings: storage.teamSettings,
    calendars: createWorkingCalendarService({
      repository: storage.repository,
      companyHolidays: storage.companyHolidays,
    }),
    now: () => simulator.now().getTime(),
  });
  const path = { organization, project: simulator.project, team: simulator.team, iterationId: sprintId };
  // A week of work before the sprint; on Sunday 14 June the team plans the stories and bugs it has in
  // progress (and three not started) into the sprint; then 15 June 08:00 in Tokyo and every morning
  // through the day after its last day.
  simulator.advanceClock(6 * DAY);
  const store = simulator.model.workItems;
  let notStarted = 0;
  for (let id = 1; store.has(id); id++) {
    const latest = store.latestIndex(id);
    const state = store.strings.get(store.states.get(latest));
    const type = store.strings.get(store.types.get(latest));
    if (store.isDeleted(id) || !['User Story', 'Bug'].includes(type)) continue;
    if (!store.strings.get(store.areas.get(latest)).startsWith('Seika Demo\\Web')) continue;
    if (state === 'Active' || (state === 'New' && notStarted++ < 3))
      simulator.moveToIteration(id, sprint.path);
  }
  simulator.advanceClock(DAY);
  await sync();
  for (let morning = 0; morning <= 12; morning++) {
    if (morning > 0) {
      simulator.advanceClock(DAY);
      await sync();
    }
    days.push(await outlooks.outlook(path));
  }
  const flow = createFlowService({
    repository: storage.repository,
    organizations,
    teamSettings: storage.teamSettings,
    now: () => simulator.now().getTime(),
  });
  const session = await flow.open({ organization, project: simulator.project, team: simulator.team });
  throughputTotal = (await session.throughput({ from: SPRINT_START, to: finishDay })).total;
  finishedInSprint = new Set(
    (await session.leadTime({ from: SPRINT_START, to: finishDay })).items.map((item) => item.id),
  );
}, 240_000);

let throughputTotal = -1;
let finishedInSprint = new Set<number>();

afterAll(async () => {
  await storage?.close();
  await simulator?.close();
  directory?.remove();
});

describe('a sprint followed day by day', () => {
  it('answers once a day, from the first morning to the day after the last', () => {
    // Every day of the sprint, then the day after its last: the final verdict.
    const expected = Array.from({ length: 13 }, (_, index) => addDays(SPRINT_START, index));
    expect(expected.at(-1)).toBe('2026-06-27');
    expect(days.map((day) => day.evaluatedOn)).toEqual(expected);
    expect(days.map((day) => day.phase)).toEqual([...Array<string>(12).fill('running'), 'ended']);
    // Monday 15 to Friday 26 June: 10 working days, none of them a Japanese holiday.
    expect(days.map((day) => day.remainingWorkingDays)).toEqual([10, 9, 8, 7, 6, 5, 5, 5, 4, 3, 2, 1, 0]);
  });

  it('keeps one probability per target per day, in [0, 1], stable when a day is asked again', () => {
    const final = days.at(-1);
    expect(final?.history).toHaveLength(13 * 3);
    for (const point of final?.history ?? []) {
      if (point.probability !== null) {
        expect(point.probability).toBeGreaterThanOrEqual(0);
        expect(point.probability).toBeLessThanOrEqual(1);
      }
    }
    const items = (final?.history ?? []).filter((point) => point.targetIndex === 0);
    expect(items.map((point) => point.day)).toEqual(days.map((day) => day.evaluatedOn));
    // Each day's stored point is what was answered that day.
    expect(items.map((point) => point.probability)).toEqual(
      days.map((day) => day.targets[0]?.probability ?? null),
    );
  });

  it('once items finished reach the target, its odds stay at 1', () => {
    const odds = days.map((day) => day.targets[0]);
    const metFrom = odds.findIndex((target) => target?.metNow === true);
    if (metFrom >= 0) for (const target of odds.slice(metFrom)) expect(target?.probability).toBe(1);
    expect(
      odds.every((target, index) => index === 0 || (target?.current ?? 0) >= (odds[index - 1]?.current ?? 0)),
    ).toBe(true);
  });

  it('shows an age risk early and its resolution once the oldest item finishes', () => {
    const age = days.map((day) => day.targets[1]);
    expect(age[0]?.probability).toBeLessThan(1);
    expect(age[0]?.levers.length).toBeGreaterThan(0);
    expect(age.at(-1)?.probability).toBe(age.at(-1)?.metNow ? 1 : 0);
  });

  it('ends with verdicts that equal the team’s flow over the sprint’s scope', () => {
    const final = days.at(-1);
    const [finished, , wip] = final?.targets ?? [];
    // Items finished: the sprint's items (its iteration history) among those the team finished in its dates.
    expect(final?.scopeSource).toBe('iterationMembership');
    const scoped = (final?.scope?.items ?? []).filter((item) => !item.removed);
    const expected = scoped.filter((item) => finishedInSprint.has(item.itemId)).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThanOrEqual(throughputTotal);
    expect(finished?.current).toBe(expected);
    expect(finished?.metNow).toBe(expected >= 8);
    expect(finished?.probability).toBe(finished?.metNow ? 1 : 0);
    expect(wip?.probability).toBe(wip?.metNow ? 1 : 0);
  });
});
