/**
 * The demo organization plans its sprints as Azure DevOps teams do (simulator/model/sprintPlanning.ts):
 * on the morning a sprint starts, it already holds the work planned into it, and every ended sprint's scope
 * is mostly planned or carried over, with a smaller share added mid-sprint. Read through the outlook
 * service after a real sync, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import type { SprintOutlookResponse } from '../../../service/src/contract/targets/sprintTargets.ts';
import type { TeamIterationRecord } from '../../../service/src/domain/records.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { createWorkingCalendarService } from '../../../service/src/services/calendar/workingCalendarService.ts';
import {
  organizationNameFromUrl,
  staticOrganizationDirectory,
} from '../../../service/src/services/organizationDirectory.ts';
import { createSprintOutlookService } from '../../../service/src/services/targets/outlookService.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

/** The demo (seed 7) opened on a Monday a sprint starts, as `npm start` does on that day. */
const NOW = new Date('2026-12-07T00:00:00Z');
const TODAY = '2026-12-07';

describe.each(BACKENDS)('the demo organization’s sprint scope on %s', (backend) => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let simulator: RunningSimulator;
  let opened: TestRepository;
  let current: SprintOutlookResponse;
  const ended: { sprint: TeamIterationRecord; outlook: SprintOutlookResponse }[] = [];

  beforeAll(async () => {
    directory = temporaryDirectory(`demo-sprint-scope-${backend}`);
    simulator = await startSimulator({ seed: 7, scale: 'demo', now: NOW });
    opened = await openTestRepository(backend, directory.path, 'demo-sprint-scope');
    const { repository } = opened.storage;
    const organization = organizationNameFromUrl(simulator.organizationUrl);
    await syncOrganization({
      repository,
      createConnection: createAdoConnection,
      logger: silentLogger,
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
    const team = { organization, project: simulator.project, team: simulator.team };
    const outlooks = createSprintOutlookService({
      repository,
      organizations: staticOrganizationDirectory([
        { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
      ]),
      targets: opened.storage.sprintTargets,
      teamSettings: opened.storage.teamSettings,
      calendars: createWorkingCalendarService({
        repository,
        companyHolidays: opened.storage.companyHolidays,
      }),
      now: () => simulator.now().getTime(),
    });
    const iterations = await repository.getTeamIterations(organization, team.project, team.team);
    const running = iterations.find((iteration) => iteration.startDay === TODAY);
    if (running === undefined) throw new Error(`the demo has no sprint starting on ${TODAY}`);
    current = await outlooks.outlook({ ...team, iterationId: running.id });
    for (const sprint of iterations.filter((iteration) => (iteration.finishDay ?? TODAY) < TODAY)) {
      ended.push({ sprint, outlook: await outlooks.outlook({ ...team, iterationId: sprint.id }) });
    }
  }, 300_000);

  afterAll(async () => {
    await opened?.dispose();
    await simulator?.close();
    directory?.remove();
  });

  it('the sprint starting today already holds the work planned into it', () => {
    expect(current.scopeSource).toBe('iterationMembership');
    expect(current.evaluatedOn).toBe(TODAY);
    const counts = current.scope?.counts;
    expect(counts?.planned ?? 0).toBeGreaterThanOrEqual(5);
    // Nothing can have joined after a baseline frozen this very morning.
    expect(counts?.added).toBe(0);
    expect(counts?.total).toBe(
      (counts?.planned ?? 0) + (counts?.carriedOver ?? 0) + (counts?.carriedOverTwice ?? 0),
    );
  });

  it('the last ended sprint has planned, added and carried-over items', () => {
    const last = ended.at(-1);
    expect(last?.outlook.phase).toBe('ended');
    const counts = last?.outlook.scope?.counts;
    expect(counts?.planned ?? 0).toBeGreaterThan(0);
    expect(counts?.added ?? 0).toBeGreaterThan(0);
    expect(counts?.carriedOver ?? 0).toBeGreaterThan(0);
  });

  it('across ended sprints, mid-sprint additions are the minority and some work is carried over twice', () => {
    // The first sprint has no sprint before it to be planned in or carried over from.
    const sprints = ended.slice(1).map(({ outlook }) => outlook.scope?.counts);
    expect(sprints.length).toBeGreaterThanOrEqual(10);
    const sum = (origin: 'planned' | 'added' | 'carriedOver' | 'carriedOverTwice') =>
      sprints.reduce((total, counts) => total + (counts?.[origin] ?? 0), 0);
    expect(sum('added')).toBeGreaterThan(0);
    expect(sum('added') * 2).toBeLessThan(sum('planned'));
    for (const counts of sprints) expect(counts?.added ?? 0).toBeLessThan(counts?.planned ?? 0);
    expect(sum('carriedOver')).toBeGreaterThan(sum('added'));
    expect(sum('carriedOverTwice')).toBeGreaterThan(0);
  });
});
