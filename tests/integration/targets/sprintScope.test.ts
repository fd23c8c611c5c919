/**
 * A sprint's scope lived day by day on the simulator's clock, on both databases: items carried over from
 * the two sprints before, planned, added mid-sprint, moved out (to the backlog and to a child iteration)
 * and back. Each morning the sync brings the previous day's revisions; the outlook's scope and, at the end,
 * the review's verdicts and Keep/Problem/Try must equal what the simulator's own revisions say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import type { SprintOutlookResponse } from '../../../service/src/contract/targets/sprintTargets.ts';
import type { SprintReviewResponse } from '../../../service/src/contract/targets/review.ts';
import type { InsightPreviewResponse } from '../../../service/src/contract/insights/insights.ts';
import type { WorkflowStateMap } from '../../../service/src/domain/workflow.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { addDays, dayOf, startOfDay } from '../../../service/src/metrics/calendar.ts';
import { createWorkingCalendarService } from '../../../service/src/services/calendar/workingCalendarService.ts';
import {
  organizationNameFromUrl,
  staticOrganizationDirectory,
} from '../../../service/src/services/organizationDirectory.ts';
import { createInsightsService } from '../../../service/src/services/insights/service.ts';
import { createSprintOutlookService } from '../../../service/src/services/targets/outlookService.ts';
import { createSprintReviewService } from '../../../service/src/services/targets/reviewService.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const DAY = 86_400_000;
const TIME_ZONE = 'Asia/Tokyo';
/** The demo team's sprints when the simulator's clock reads 8 June 2026: 18 May, 1 June, 15 June. */
const SPRINT_START = '2026-06-15';

interface Truth {
  planned: number;
  added: number;
  carriedOver: number;
  carriedOverTwice: number;
  removed: number;
  total: number;
  /** In the sprint at its start, whatever their origin (carried-over items may also join later). */
  baseline: number;
  finished: number;
  removedIds: number[];
  /** Every item of the scope, removed or not, done at the end with its completion in the sprint. */
  doneIds: number[];
}

/**
 * The scope as the simulator's own revisions say, written out plainly: the iteration and state of an item
 * at a moment are those of its last revision strictly before it.
 */
function simulatorTruth(
  simulator: RunningSimulator,
  teamItems: ReadonlySet<number>,
  workflow: WorkflowStateMap,
  sprintPaths: { current: string; previous: string; beforeThat: string },
  window: { start: number; end: number; until: number },
): Truth {
  const store = simulator.model.workItems;
  const truth: Truth = {
    planned: 0,
    added: 0,
    carriedOver: 0,
    carriedOverTwice: 0,
    removed: 0,
    total: 0,
    baseline: 0,
    finished: 0,
    removedIds: [],
    doneIds: [],
  };
  const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
  for (const id of [...teamItems].sort((a, b) => a - b)) {
    const revisions: { at: number; iteration: string; done: boolean }[] = [];
    for (let index = store.firstIndex(id); index !== -1; index = store.next.get(index)) {
      const type = store.strings.get(store.types.get(index));
      const state = store.strings.get(store.states.get(index));
      revisions.push({
        at: store.changed.get(index),
        iteration: store.strings.get(store.iterations.get(index)),
        done: workflow.get(type)?.get(state) === 'Completed',
      });
    }
    const before = (moment: number) => revisions.filter((revision) => revision.at < moment).at(-1);
    const atStart = before(window.start);
    let inSprint = same(atStart?.iteration, sprintPaths.current) && atStart?.done === false;
    let everIn = inSprint;
    let joinedLate = false;
    let entry = inSprint ? revisions.findLastIndex((revision) => revision.at < window.start) : -1;
    let removed = false;
    for (const [index, revision] of revisions.entries()) {
      if (revision.at < window.start || revision.at >= window.until) continue;
      const entering = same(revision.iteration, sprintPaths.current);
      if (entering && !inSprint && !(before(revision.at)?.done ?? false)) {
        inSprint = true;
        removed = false;
        if (!everIn) {
          everIn = true;
          joinedLate = true;
          entry = index;
        }
      } else if (!entering && inSprint) {
        inSprint = false;
        removed = true;
      }
    }
    if (!everIn) continue;
    // Walk back to the revision that first put the item into the sprint, then to where it came from.
    while (entry > 0 && same(revisions[entry - 1]?.iteration, sprintPaths.current)) entry -= 1;
    const cameFrom = (at: number) => {
      let index = at;
      const path = revisions[index]?.iteration;
      while (index > 0 && revisions[index - 1]?.iteration === path) index -= 1;
      return { index: index - 1, from: revisions[index - 1], moveAt: revisions[index]?.at ?? 0 };
    };
    const first = cameFrom(entry);
    const carriedOnce =
      same(first.from?.iteration, sprintPaths.previous) && !(before(first.moveAt)?.done ?? false);
    const second = carriedOnce ? cameFrom(first.index) : undefined;
    const carriedTwice =
      second !== undefined &&
      same(second.from?.iteration, sprintPaths.beforeThat) &&
      !(before(second.moveAt)?.done ?? false);
    if (carriedTwice) truth.carriedOverTwice += 1;
    else if (carriedOnce) truth.carriedOver += 1;
    else if (joinedLate) truth.added += 1;
    else truth.planned += 1;
    truth.total += 1;
    if (!joinedLate) truth.baseline += 1;
    if (removed) {
      truth.removed += 1;
      truth.removedIds.push(id);
    }
    const atEnd = before(window.until);
    if (atEnd?.done === true) {
      const completedAt = revisions
        .filter((revision) => revision.at < window.until)
        .findLast((revision, index, upToEnd) => revision.done && !(upToEnd[index - 1]?.done ?? false))?.at;
      if (completedAt !== undefined && completedAt >= window.start) {
        truth.doneIds.push(id);
        if (!removed) truth.finished += 1;
      }
    }
  }
  return truth;
}

describe.each(BACKENDS)('a sprint’s scope followed day by day on %s', (backend) => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let simulator: RunningSimulator;
  let opened: TestRepository;
  const days: { outlook: SprintOutlookResponse; truth: Truth }[] = [];
  let review: SprintReviewResponse;
  const previews = new Map<string, InsightPreviewResponse>();
  /** Earlier sprints (their start days) the simulator's revisions say had an item carried over twice. */
  const earlierCarriedTwice: string[] = [];
  const scripted = { carriedTwice: 0, carriedOnce: 0, planned: 0, removedToBacklog: 0, toChild: 0, added: 0 };

  beforeAll(async () => {
    directory = temporaryDirectory(`sprint-scope-${backend}`);
    simulator = await startSimulator({ seed: 11, scale: 'demo', now: new Date('2026-06-07T23:00:00Z') });
    opened = await openTestRepository(backend, directory.path, 'sprint-scope');
    const { repository } = opened.storage;
    const organization = organizationNameFromUrl(simulator.organizationUrl);
    const sync = () =>
      syncOrganization({
        repository,
        createConnection: createAdoConnection,
        logger: silentLogger,
        target: {
          organization,
          organizationUrl: simulator.organizationUrl,
          personalAccessToken: simulator.pat,
        },
      });
    await sync();
    const team = { organization, project: simulator.project, team: simulator.team };
    const iterations = await repository.getTeamIterations(organization, team.project, team.team);
    const byStart = (day: string) => iterations.find((iteration) => iteration.startDay === day);
    const sprint = byStart(SPRINT_START);
    const previous = byStart('2026-06-01');
    const beforeThat = byStart('2026-05-18');
    if (sprint?.finishDay == null || previous === undefined || beforeThat === undefined) {
      throw new Error('the simulator has no sprints of 18 May, 1 June and 15 June');
    }
    const paths = { current: sprint.path, previous: previous.path, beforeThat: beforeThat.path };

    // Open user stories of the team, not yet started, to script with (the simulator's own data).
    const store = simulator.model.workItems;
    const candidates: number[] = [];
    for (let id = 1; store.has(id) && candidates.length < 6; id++) {
      const latest = store.latestIndex(id);
      const area = store.strings.get(store.areas.get(latest));
      if (
        store.strings.get(store.types.get(latest)) === 'User Story' &&
        store.strings.get(store.states.get(latest)) === 'New' &&
        area.startsWith('Seika Demo\\Web') &&
        !store.isDeleted(id)
      ) {
        candidates.push(id);
      }
    }
    const [carriedTwice, carriedOnce, planned, removedToBacklog, toChild, added] = candidates;
    if (added === undefined || carriedTwice === undefined || carriedOnce === undefined)
      throw new Error('the simulator has too few open stories to script a sprint with');
    if (planned === undefined || removedToBacklog === undefined || toChild === undefined)
      throw new Error('the simulator has too few open stories to script a sprint with');
    Object.assign(scripted, { carriedTwice, carriedOnce, planned, removedToBacklog, toChild, added });

    // 8 June, during the previous sprint: every scripted story goes back to the backlog (the project's root
    // iteration: the demo plans stories into the sprint they were written in), then one comes through the
    // sprint before the previous one and one through the previous one.
    for (const id of candidates) simulator.moveToIteration(id, simulator.project);
    simulator.advanceClock(60_000);
    simulator.moveToIteration(carriedTwice, paths.beforeThat);
    simulator.advanceClock(60_000);
    simulator.moveToIteration(carriedTwice, paths.previous);
    simulator.moveToIteration(carriedOnce, paths.previous);
    // Sunday 14 June: planning for the sprint that starts on Monday.
    simulator.advanceClock(6 * DAY);
    for (const id of [carriedTwice, carriedOnce, planned, removedToBacklog, toChild])
      simulator.moveToIteration(id, paths.current);
    simulator.advanceClock(DAY);
    await sync();

    const organizations = staticOrganizationDirectory([
      { name: organization, url: simulator.organizationUrl, timeZone: TIME_ZONE },
    ]);
    const key = { ...team, iterationId: sprint.id };
    await opened.storage.sprintTargets.save(key, {
      targets: JSON.stringify({
        goal: { text: 'Ship the planned stories', itemIds: [planned, removedToBacklog], tag: null },
        targets: [{ kind: 'itemsFinished', atLeast: 4 }, { kind: 'goalItemsDone' }],
        membersMayAddMissReasons: true,
      }),
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    const outlooks = createSprintOutlookService({
      repository,
      organizations,
      targets: opened.storage.sprintTargets,
      teamSettings: opened.storage.teamSettings,
      calendars: createWorkingCalendarService({
        repository,
        companyHolidays: opened.storage.companyHolidays,
      }),
      now: () => simulator.now().getTime(),
    });
    const reviews = createSprintReviewService({
      repository,
      organizations,
      targets: opened.storage.sprintTargets,
      outlooks,
      now: () => simulator.now().getTime(),
    });
    const workflow = await repository.getWorkflow(organization, team.project);
    const start = startOfDay(SPRINT_START, TIME_ZONE);
    const end = startOfDay(addDays(sprint.finishDay, 1), TIME_ZONE);

    let teamItems = new Set<number>();
    for (let morning = 0; morning <= 12; morning++) {
      if (morning > 0) {
        // The day's scripted changes happen at 08:00 Tokyo time, then the day passes.
        if (morning === 2) {
          simulator.moveToIteration(removedToBacklog, simulator.project);
          simulator.moveToIteration(added, paths.current);
        }
        if (morning === 4) simulator.moveToIteration(toChild, `${paths.current}\\Hardening`);
        if (morning === 6) simulator.moveToIteration(removedToBacklog, paths.current);
        if (morning === 8) simulator.moveToIteration(removedToBacklog, simulator.project);
        simulator.advanceClock(DAY);
        await sync();
      }
      const outlook = await outlooks.outlook({ ...key });
      const until = Math.min(end, startOfDay(outlook.evaluatedOn, TIME_ZONE));
      // The team's items by the team's synced definition (area paths, backlog types), which is not what
      // is under test; deleted items and items in a Removed-category state are no one's work.
      const scope = await repository.getTeamScope(organization, team.project, team.team);
      const areas = (scope?.values ?? []).map((value) => value.value.toLowerCase());
      const types = new Set(scope?.backlogWorkItemTypes ?? []);
      teamItems = new Set(
        (await repository.getWorkItems(organization, team.project))
          .filter((item) => !item.isDeleted && types.has(item.workItemType))
          .filter((item) => workflow.get(item.workItemType)?.get(item.state) !== 'Removed')
          .filter((item) =>
            areas.some(
              (area) =>
                item.areaPath.toLowerCase() === area || item.areaPath.toLowerCase().startsWith(`${area}\\`),
            ),
          )
          .map((item) => item.id),
      );
      days.push({
        outlook,
        truth: simulatorTruth(simulator, teamItems, workflow, paths, { start, end, until }),
      });
    }
    review = await reviews.review({ ...key });
    const insights = createInsightsService({
      repository,
      organizations,
      teamSettings: opened.storage.teamSettings,
      targets: opened.storage.sprintTargets,
      store: opened.storage.insights,
      now: () => simulator.now().getTime(),
    });
    for (const rule of ['CARRY-1', 'SCOPE-1'] as const)
      previews.set(rule, await insights.preview(team, rule));
    // Each earlier sprint is judged in its first week, with data through its first Sunday.
    const dated = iterations
      .filter((iteration) => iteration.startDay !== null && iteration.finishDay !== null)
      .sort((a, b) => ((a.startDay ?? '') < (b.startDay ?? '') ? -1 : 1));
    for (const [index, earlier] of dated.entries()) {
      const [beforeThatOne, previousOne] = [dated[index - 2], dated[index - 1]];
      if (earlier.startDay === null || earlier.finishDay === null || earlier.startDay >= SPRINT_START)
        continue;
      if (beforeThatOne === undefined || previousOne === undefined) continue;
      const earlierStart = startOfDay(earlier.startDay, TIME_ZONE);
      const earlierEnd = startOfDay(addDays(earlier.finishDay, 1), TIME_ZONE);
      const truth = simulatorTruth(
        simulator,
        teamItems,
        workflow,
        { current: earlier.path, previous: previousOne.path, beforeThat: beforeThatOne.path },
        {
          start: earlierStart,
          end: earlierEnd,
          until: Math.min(earlierEnd, startOfDay(addDays(earlier.startDay, 7), TIME_ZONE)),
        },
      );
      if (truth.carriedOverTwice > 0) earlierCarriedTwice.push(earlier.startDay);
    }
  }, 300_000);

  afterAll(async () => {
    await opened?.dispose();
    await simulator?.close();
    directory?.remove();
  });

  it('reads the sprint’s items from its iteration history every day', () => {
    expect(days.map((day) => day.outlook.scopeSource)).toEqual(Array(13).fill('iterationMembership'));
    expect(days.at(-1)?.outlook.evaluatedOn).toBe('2026-06-27');
  });

  it('each morning, counts scope per origin as the simulator’s revisions say', () => {
    for (const { outlook, truth } of days) {
      const counts = {
        planned: truth.planned,
        added: truth.added,
        carriedOver: truth.carriedOver,
        carriedOverTwice: truth.carriedOverTwice,
        removed: truth.removed,
        total: truth.total,
      };
      expect({ day: outlook.evaluatedOn, counts: outlook.scope?.counts }).toEqual({
        day: outlook.evaluatedOn,
        counts,
      });
    }
  });

  it('classes the scripted stories and lists removed ones with links', () => {
    const final = days.at(-1)?.outlook.scope;
    const origin = (id: number) => final?.items.find((item) => item.itemId === id);
    expect(origin(scripted.carriedTwice)?.origin).toBe('carriedOverTwice');
    expect(origin(scripted.carriedOnce)?.origin).toBe('carriedOver');
    expect(origin(scripted.planned)).toMatchObject({ origin: 'planned', removed: false });
    expect(origin(scripted.added)).toMatchObject({ origin: 'added', addedOn: '2026-06-16', removed: false });
    expect(origin(scripted.toChild)).toMatchObject({
      origin: 'planned',
      removed: true,
      removedOn: '2026-06-18',
    });
    // Out on the 16th, back on the 20th, out again on the 22nd: removed, on the last day it left.
    expect(origin(scripted.removedToBacklog)).toMatchObject({ removed: true, removedOn: '2026-06-22' });
    expect(origin(scripted.removedToBacklog)?.url).toBe(
      `${simulator.organizationUrl}/${encodeURIComponent(simulator.project)}/_workitems/edit/${scripted.removedToBacklog}`,
    );
    // Mid-sprint, the removed story was back in: not removed that day.
    const whileBack = days.find((day) => day.outlook.evaluatedOn === '2026-06-21')?.outlook.scope;
    expect(whileBack?.items.find((item) => item.itemId === scripted.removedToBacklog)?.removed).toBe(false);
    expect(final?.items.filter((item) => item.removed).map((item) => item.itemId)).toEqual(
      days.at(-1)?.truth.removedIds,
    );
  });

  it('counts finished items in scope only, and a removed goal item still counts against the goal', () => {
    const final = days.at(-1);
    const [finished, goal] = final?.outlook.targets ?? [];
    expect(finished?.current).toBe(final?.truth.finished);
    expect(finished?.metNow).toBe((final?.truth.finished ?? 0) >= 4);
    const done = new Set(final?.truth.doneIds);
    expect(goal?.itemCount).toBe(2);
    expect(goal?.metNow).toBe(done.has(scripted.planned) && done.has(scripted.removedToBacklog));
    // Taken out of the sprint unfinished: removing it cannot make the goal met.
    if (!done.has(scripted.removedToBacklog)) expect(goal?.probability).toBe(0);
  });

  it('feeds the insights CARRY-1 and SCOPE-1 the same scope', () => {
    // The week of 15 June is judged with data through Sunday 21 June: the scope answered on the 22nd.
    const truth = days.find((day) => day.outlook.evaluatedOn === '2026-06-22')?.truth;
    const week = (rule: string) =>
      previews.get(rule)?.weeks.find((entry) => entry.weekStart === SPRINT_START);
    expect(week('CARRY-1')).toEqual({ weekStart: SPRINT_START, fired: true, figures: { items: 1 } });
    // The baseline: carried-over items count in it when they were moved in before the start; the demo
    // also carries unfinished work over by its next change, mid-sprint, which is then no addition either.
    const baseline = truth?.baseline ?? 0;
    const added = truth?.added ?? 0;
    expect(week('SCOPE-1')).toEqual({
      weekStart: SPRINT_START,
      fired: added / baseline > 0.3,
      figures:
        added / baseline > 0.3
          ? { added, planned: baseline, sharePercent: Math.round((100 * added) / baseline) }
          : null,
    });
    // Before the sprint, it fires exactly in the weeks whose sprint the simulator's revisions say had an item
    // carried over twice (the demo carries unfinished work over on its own).
    const judged = new Set(previews.get('CARRY-1')?.weeks.map((entry) => entry.weekStart));
    expect(
      previews
        .get('CARRY-1')
        ?.weeks.filter((entry) => entry.fired)
        .map((entry) => entry.weekStart),
    ).toEqual([...earlierCarriedTwice.filter((day) => judged.has(day)), SPRINT_START]);
  });

  it('reviews the sprint with its scope: verdicts and Keep/Problem/Try from the same figures', () => {
    const truth = days.at(-1)?.truth;
    expect(review.phase).toBe('ended');
    expect(review.scope?.counts.total).toBe(truth?.total);
    const done = new Set(truth?.doneIds);
    expect(review.verdicts.map((verdict) => verdict.verdict)).toEqual([
      (truth?.finished ?? 0) >= 4 ? 'met' : 'missed',
      done.has(scripted.planned) && done.has(scripted.removedToBacklog) ? 'met' : 'missed',
    ]);
    const problems = review.outline.problem.map((entry) => [entry.key, entry.parameters['items']]);
    expect(problems).toContainEqual(['carriedOverTwice', truth?.carriedOverTwice]);
    expect(problems).toContainEqual(['itemsRemoved', truth?.removed]);
    if ((truth?.added ?? 0) > 0) expect(problems).toContainEqual(['scopeAdded', truth?.added]);
    expect(review.outline.try.map((entry) => entry.key)).toContain('trySplitCarriedOver');
    expect(dayOf(simulator.now().getTime(), TIME_ZONE)).toBe('2026-06-27');
  });
});
