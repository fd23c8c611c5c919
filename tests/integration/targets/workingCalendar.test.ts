/**
 * Team working calendars end to end on both databases: the sync reads the team's working days and its
 * days off (only for recent and coming sprints, only when metadata is refreshed), and the sprint outlook's
 * remaining working days honour those days off, the organization's company holidays and the team's
 * holiday-calendar setting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { teamFlowSettingsSchema } from '../../../service/src/contract/flow/teamSettings.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { nonWorkingDaysBetween } from '../../../service/src/metrics/targets/index.ts';
import { createCompanyHolidaysService } from '../../../service/src/services/calendar/companyHolidaysService.ts';
import { createWorkingCalendarService } from '../../../service/src/services/calendar/workingCalendarService.ts';
import {
  organizationNameFromUrl,
  staticOrganizationDirectory,
} from '../../../service/src/services/organizationDirectory.ts';
import { createSprintOutlookService } from '../../../service/src/services/targets/outlookService.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { renormaliseFromRaw } from '../../../service/src/sync/renormalise.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

/** The simulator's clock: Monday 21 December 2026; the team's next sprint is 28 Dec 2026 – 8 Jan 2027. */
const NOW = new Date('2026-12-21T00:00:00Z');
const YEAR_END_SPRINT = { startDay: '2026-12-28', finishDay: '2027-01-08' };

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;

beforeAll(async () => {
  directory = temporaryDirectory('working-calendar');
  simulator = await startSimulator({ seed: 11, scale: 'tiny', now: NOW });
});

afterAll(async () => {
  await simulator.close();
  directory.remove();
});

describe.each(BACKENDS)('team working calendars, stored in %s', (backend) => {
  let test: TestRepository;
  let organization = '';
  let iterationId = '';

  beforeAll(async () => {
    test = await openTestRepository(backend, directory.path, `calendar-${backend}`);
    organization = organizationNameFromUrl(simulator.organizationUrl);
    const before = simulator.requestLog.length;
    await syncOrganization({
      repository: test.repository,
      createConnection: createAdoConnection,
      logger: silentLogger,
      now: () => NOW.getTime(),
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
    const daysOffRequests = simulator.requestLog
      .slice(before)
      .filter((entry) => /\/teamdaysoff$/i.test(entry.path.split('?')[0] ?? ''));
    const iterations = await test.repository.getTeamIterations(
      organization,
      simulator.project,
      simulator.team,
    );
    const sprint = iterations.find((iteration) => iteration.startDay === YEAR_END_SPRINT.startDay);
    if (sprint === undefined) throw new Error('the simulator has no sprint starting on 28 December');
    iterationId = sprint.id;
    // Only sprints that ended within 120 days, the current one and those to come are asked about.
    const recent = iterations.filter(
      (iteration) => iteration.finishDay !== null && iteration.finishDay >= '2026-08-23',
    );
    // (Which sprints fall outside that window is table-tested in tests/unit/sync/normalise/workItems.)
    expect(daysOffRequests).toHaveLength(recent.length);
  });

  afterAll(async () => {
    await test.dispose();
  });

  it('stores the working weekdays and the year-end days off, each with its raw page', async () => {
    const calendar = await test.repository.getTeamCalendar(organization, simulator.project, simulator.team);
    expect(calendar.workingDays).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);
    expect(calendar.daysOff).toEqual([
      { iterationId: iterationId.toLowerCase(), start: '2026-12-28', end: '2026-12-30' },
    ]);
    const pages = await test.repository.listRawPages(organization, 'work.teamDaysOff');
    const page = pages.find((candidate) => candidate.requestUrl.includes(`iterations/${iterationId}/`));
    expect(page?.itemCount).toBe(1);
    expect(JSON.parse(page?.body ?? '{}')).toMatchObject({
      context: { project: simulator.project, team: simulator.team, iterationId },
      response: { daysOff: [{ start: '2026-12-28T00:00:00.000Z', end: '2026-12-30T00:00:00.000Z' }] },
    });
  });

  it('re-normalising the raw pages gives the same calendar', async () => {
    const before = await test.repository.getTeamCalendar(organization, simulator.project, simulator.team);
    await renormaliseFromRaw({
      repository: test.repository,
      delivery: test.storage.delivery,
      organization,
      logger: silentLogger,
    });
    expect(await test.repository.getTeamCalendar(organization, simulator.project, simulator.team)).toEqual(
      before,
    );
  });

  it('counts the sprint’s remaining working days with days off, the holiday calendar and company holidays', async () => {
    const organizations = staticOrganizationDirectory([
      { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
    ]);
    const outlooks = createSprintOutlookService({
      repository: test.repository,
      organizations,
      targets: test.storage.sprintTargets,
      teamSettings: test.storage.teamSettings,
      calendars: createWorkingCalendarService({
        repository: test.repository,
        companyHolidays: test.storage.companyHolidays,
      }),
      // Before the sprint: the answer is for its first day, so every working day remains.
      now: () => NOW.getTime(),
    });
    const path = { organization, project: simulator.project, team: simulator.team, iterationId };
    const key = [organization, simulator.project, simulator.team] as const;

    // Ten weekdays; 28–30 Dec are the team's days off; 1 Jan (元日) is a Japanese holiday (Asia/Tokyo).
    const japan = await outlooks.outlook(path);
    expect(japan.sprint).toMatchObject(YEAR_END_SPRINT);
    expect(japan.remainingWorkingDays).toBe(6);
    expect(japan.nonWorkingDays.filter((day) => day.reason !== 'weekend')).toEqual([
      { day: '2026-12-28', reason: 'teamDayOff', name: null },
      { day: '2026-12-29', reason: 'teamDayOff', name: null },
      { day: '2026-12-30', reason: 'teamDayOff', name: null },
      { day: '2027-01-01', reason: 'nationalHoliday', name: null },
    ]);

    // The team chooses no national calendar: 1 January is a working day again.
    await test.storage.teamSettings.save(...key, {
      settings: JSON.stringify(teamFlowSettingsSchema.parse({ holidayCalendar: 'none' })),
      updatedAt: '2026-12-20T00:00:00.000Z',
    });
    expect((await outlooks.outlook(path)).remainingWorkingDays).toBe(7);

    // The organization closes 29 Dec – 3 Jan: 31 Dec and 1 Jan go too.
    const holidays = createCompanyHolidaysService({ store: test.storage.companyHolidays, organizations });
    await holidays.replace(organization, [{ start: '2026-12-29', end: '2027-01-03', name: 'New Year' }]);
    const closed = await outlooks.outlook(path);
    expect(closed.remainingWorkingDays).toBe(5);
    // A day that is both a company holiday and a team day off is named as the company holiday.
    expect(closed.nonWorkingDays.filter((day) => day.reason === 'companyHoliday')).toEqual([
      { day: '2026-12-29', reason: 'companyHoliday', name: 'New Year' },
      { day: '2026-12-30', reason: 'companyHoliday', name: 'New Year' },
      { day: '2026-12-31', reason: 'companyHoliday', name: 'New Year' },
      { day: '2027-01-01', reason: 'companyHoliday', name: 'New Year' },
    ]);
    expect(JSON.stringify(closed)).not.toBe(JSON.stringify(japan));
  });
});

describe('a team whose week is not Monday–Friday', () => {
  it('stores the Sunday–Thursday week the simulator’s Compliance Team sets, and counts its days', async () => {
    const large = await startSimulator({ seed: 3, scale: 'large', largeFactor: 0.01, now: NOW });
    const test = await openTestRepository('sqlite', directory.path, 'calendar-large');
    try {
      const organization = organizationNameFromUrl(large.organizationUrl);
      await syncOrganization({
        repository: test.repository,
        createConnection: createAdoConnection,
        logger: silentLogger,
        now: () => NOW.getTime(),
        streams: ['work.metadata'],
        target: { organization, organizationUrl: large.organizationUrl, personalAccessToken: large.pat },
      });
      const project = large.model.projects.find((candidate) =>
        candidate.teams.some((team) => team.name === 'Compliance Team'),
      );
      if (project === undefined) throw new Error('the large organization has no Compliance Team');
      const calendar = await test.repository.getTeamCalendar(organization, project.name, 'Compliance Team');
      expect(calendar.workingDays).toEqual(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday']);
      const loaded = await createWorkingCalendarService({
        repository: test.repository,
        companyHolidays: test.storage.companyHolidays,
      }).team(
        { organization, project: project.name, team: 'Compliance Team' },
        { chosen: 'none', timeZone: 'UTC' },
      );
      // Sunday 3 to Saturday 9 January 2027: Sunday–Thursday work, Friday and Saturday are its weekend.
      expect(nonWorkingDaysBetween('2027-01-03', '2027-01-09', loaded.calendar, [])).toEqual([
        { day: '2027-01-08', reason: 'weekend', name: null },
        { day: '2027-01-09', reason: 'weekend', name: null },
      ]);
    } finally {
      await test.dispose();
      await large.close();
    }
  });
});
