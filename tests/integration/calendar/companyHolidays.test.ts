/**
 * GET/PUT /organizations/{org}/company-holidays through the whole service: members read, collection
 * administrators change (audited), refused lists answer a stable code naming the field, and a change
 * moves the sprint outlook's working days and its ETag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyHolidaysResponseSchema } from '../../../service/src/contract/calendar/workingCalendar.ts';
import { deliveryDeploymentsResponseSchema } from '../../../service/src/contract/delivery/items.ts';
import { teamSettingsResponseSchema } from '../../../service/src/contract/flow/teamSettings.ts';
import {
  sprintOutlookResponseSchema,
  teamSprintsResponseSchema,
} from '../../../service/src/contract/targets/sprintTargets.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { simulatorMember } from '../../support/access.ts';
import {
  appToken,
  eventually,
  simulatorOwner,
  startTestService,
  type TestService,
  type TestUser,
} from '../../support/startTestService.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let directory: ReturnType<typeof temporaryDirectory>;
let database: TestRepository;
let simulator: RunningSimulator;
let test: TestService;

beforeAll(async () => {
  directory = temporaryDirectory('company-holidays-api');
  database = await openTestRepository('sqlite', directory.path, 'holidays');
  await database.storage.close();
  simulator = await startSimulator({ seed: 11, scale: 'tiny', now: new Date(Date.now() - 86_400_000) });
  test = await startTestService(database.target, { maxPageSize: 1000, simulator });
  const connected = await test.api('/organizations', {
    method: 'POST',
    body: {
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
      subscribeToEvents: false,
    },
  });
  expect(connected.status).toBe(201);
  await eventually(
    'the first sync',
    async () => {
      const status = await test.api(`/organizations/${simulator.organization}/sync-status`);
      const body = status.body as { job?: { lastFinishedAt: string | null } | null };
      return body.job?.lastFinishedAt ?? undefined;
    },
    60_000,
  );
}, 120_000);

afterAll(async () => {
  await test?.service.close();
  await simulator?.close();
  await database?.dispose().catch(() => undefined);
  directory?.remove();
});

const holidaysPath = () => `/organizations/${simulator.organization}/company-holidays`;
const member = (role: 'reader' | 'administrator'): TestUser => ({
  ...simulatorMember(simulator, role),
  organization: simulator.organization,
});

async function getWithTag(
  path: string,
  etag?: string,
): Promise<{ status: number; etag: string; body: unknown }> {
  const owner = simulatorOwner(simulator);
  const response = await fetch(`${test.service.url}/api/v1${path}`, {
    headers: {
      authorization: `Bearer ${await appToken(owner.userId)}`,
      'x-seika-user-token': owner.userToken,
      'x-seika-organization': owner.organization,
      ...(etag === undefined ? {} : { 'if-none-match': etag }),
    },
  });
  return {
    status: response.status,
    etag: response.headers.get('etag') ?? '',
    body: response.status === 200 ? await response.json() : null,
  };
}

describe('company holidays API', () => {
  it('answers an empty list to any member until an administrator sets one', async () => {
    const response = await test.api(holidaysPath(), { as: member('reader') });
    expect(response.status).toBe(200);
    expect(companyHolidaysResponseSchema.parse(response.body)).toEqual({
      organization: simulator.organization,
      holidays: [],
      updatedAt: null,
    });
  });

  it('refuses changes from members and project administrators, and changes nothing', async () => {
    const body = { holidays: [{ start: '2026-12-29', end: '2027-01-03', name: 'New Year' }] };
    for (const caller of [member('reader'), member('administrator')]) {
      const response = await test.api(holidaysPath(), { method: 'PUT', body, as: caller });
      expect(response.status).toBe(403);
    }
    expect(companyHolidaysResponseSchema.parse((await test.api(holidaysPath())).body).holidays).toEqual([]);
  });

  it.each<[string, unknown, number, string, string | undefined]>([
    [
      'a day that does not exist',
      { holidays: [{ start: '2026-02-30', end: '2026-03-01', name: 'x' }] },
      422,
      'invalid_day',
      'holidays.0.start',
    ],
    [
      'a reversed range',
      { holidays: [{ start: '2027-01-03', end: '2026-12-29', name: 'New Year' }] },
      422,
      'start_after_end',
      'holidays.0.end',
    ],
    [
      'a range without a name',
      { holidays: [{ start: '2026-12-29', end: '2027-01-03', name: '' }] },
      422,
      'name_required',
      'holidays.0.name',
    ],
    [
      'a range of two months',
      { holidays: [{ start: '2026-07-01', end: '2026-08-31', name: 'Summer' }] },
      422,
      'holiday_too_long',
      'holidays.0.end',
    ],
    [
      '101 ranges',
      {
        holidays: Array.from({ length: 101 }, () => ({ start: '2026-12-29', end: '2026-12-29', name: 'x' })),
      },
      422,
      'too_many_holidays',
      'holidays',
    ],
    ['no list', { ranges: [] }, 400, 'invalid_parameter', 'ranges'],
    ['a list that is no list', { holidays: 'New Year' }, 400, 'invalid_parameter', 'holidays'],
  ])('refuses %s with a code naming the field', async (_, body, status, code, parameter) => {
    const response = await test.api(holidaysPath(), { method: 'PUT', body });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({
      error: { code, ...(parameter === undefined ? {} : { parameter }) },
    });
    expect(JSON.stringify(response.body)).toMatch(/"message":"[^"]{10,}/);
  });

  it('stores an administrator’s list in day order, audits it, and moves the sprint outlook', async () => {
    const team = `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/teams/${encodeURIComponent(simulator.team)}`;
    const sprints = teamSprintsResponseSchema.parse((await test.api(`${team}/sprints`)).body);
    const current = sprints.sprints.find((sprint) => sprint.current);
    if (current === undefined) throw new Error('the simulator team has no current sprint');
    const outlookPath = `${team}/sprints/${current.id}/outlook`;
    const before = await getWithTag(outlookPath);
    expect(before.status).toBe(200);
    const outlookBefore = sprintOutlookResponseSchema.parse(before.body);
    // The outlook's ETag follows its body (express's), so an unchanged calendar keeps it.
    expect((await getWithTag(outlookPath)).etag).toBe(before.etag);

    // The sprint's last day (a Friday, still ahead or today) becomes a company holiday.
    const lastDay = current.finishDay;
    const saved = await test.api(holidaysPath(), {
      method: 'PUT',
      body: {
        holidays: [
          { start: '2026-12-29', end: '2027-01-03', name: 'New Year' },
          { start: lastDay, end: lastDay, name: 'Offsite' },
        ],
      },
    });
    expect(saved.status).toBe(200);
    const list = companyHolidaysResponseSchema.parse(saved.body);
    expect(list.holidays.map((holiday) => holiday.name)).toEqual(
      lastDay < '2026-12-29' ? ['Offsite', 'New Year'] : ['New Year', 'Offsite'],
    );
    expect(
      companyHolidaysResponseSchema.parse((await test.api(holidaysPath(), { as: member('reader') })).body),
    ).toEqual(list);

    const after = await getWithTag(outlookPath, before.etag);
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    const outlookAfter = sprintOutlookResponseSchema.parse(after.body);
    expect(outlookAfter.remainingWorkingDays).toBe(outlookBefore.remainingWorkingDays - 1);
    expect(outlookAfter.nonWorkingDays).toContainEqual({
      day: lastDay,
      reason: 'companyHoliday',
      name: 'Offsite',
    });

    await eventually(
      'the audit entry',
      async () => {
        const audit = (await test.api(`/organizations/${simulator.organization}/audit`)).body as {
          entries: { action: string; target: string; after: unknown }[];
        };
        return audit.entries.find((entry) => entry.action === 'organization.companyHolidays.changed');
      },
      10_000,
    ).then((entry) => {
      expect(entry.target).toBe(`organization/${simulator.organization}`);
      expect(entry.after).toMatchObject({ holidays: list.holidays });
    });
  });
});

describe('the delivery calendar’s non-working days', () => {
  it('names weekends, national and company holidays for a project, and its ETag follows the holidays', async () => {
    const path = `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/delivery/deployments?from=2026-12-21&to=2027-01-11&limit=10`;
    await test.api(holidaysPath(), { method: 'PUT', body: { holidays: [] } });
    const before = await getWithTag(path);
    expect(before.status).toBe(200);
    const plain = deliveryDeploymentsResponseSchema.parse(before.body).nonWorkingDays;
    // Asia/Tokyo (the connected organization's zone): 元日 and 成人の日 (11 Jan 2027) are national holidays.
    expect(plain.filter((day) => day.reason !== 'weekend')).toEqual([
      { day: '2027-01-01', reason: 'nationalHoliday', name: null },
      { day: '2027-01-11', reason: 'nationalHoliday', name: null },
    ]);
    expect(plain.filter((day) => day.reason === 'weekend').map((day) => day.day)).toEqual([
      '2026-12-26',
      '2026-12-27',
      '2027-01-02',
      '2027-01-03',
      '2027-01-09',
      '2027-01-10',
    ]);

    await test.api(holidaysPath(), {
      method: 'PUT',
      body: { holidays: [{ start: '2026-12-29', end: '2027-01-03', name: 'New Year' }] },
    });
    const after = await getWithTag(path, before.etag);
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    const shaded = deliveryDeploymentsResponseSchema.parse(after.body).nonWorkingDays;
    expect(shaded.filter((day) => day.reason === 'companyHoliday').map((day) => day.day)).toEqual([
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ]);
    expect(shaded.find((day) => day.day === '2026-12-29')?.name).toBe('New Year');
  });
});

describe('a team’s holiday calendar setting', () => {
  it('defaults by time zone, takes japan or none, and refuses anything else naming the field', async () => {
    const settingsPath = `/organizations/${simulator.organization}/projects/${encodeURIComponent(simulator.project)}/teams/${encodeURIComponent(simulator.team)}/flow/settings`;
    const initial = teamSettingsResponseSchema.parse((await test.api(settingsPath)).body);
    expect(initial.settings.holidayCalendar).toBeNull();
    expect(initial.effectiveHolidayCalendar).toBe('japan');

    const utc = await test.api(settingsPath, { method: 'PUT', body: { timeZone: 'UTC' } });
    expect(teamSettingsResponseSchema.parse(utc.body).effectiveHolidayCalendar).toBe('none');
    const chosen = await test.api(settingsPath, {
      method: 'PUT',
      body: { timeZone: 'UTC', holidayCalendar: 'japan' },
    });
    expect(chosen.status).toBe(200);
    expect(teamSettingsResponseSchema.parse(chosen.body)).toMatchObject({
      settings: { holidayCalendar: 'japan' },
      effectiveHolidayCalendar: 'japan',
    });

    const refused = await test.api(settingsPath, { method: 'PUT', body: { holidayCalendar: 'mars' } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: 'invalid_parameter', parameter: 'holidayCalendar' },
    });
    const reader = await test.api(settingsPath, {
      method: 'PUT',
      body: { holidayCalendar: 'none' },
      as: member('reader'),
    });
    expect(reader.status).toBe(403);
    expect(
      teamSettingsResponseSchema.parse((await test.api(settingsPath)).body).settings.holidayCalendar,
    ).toBe('japan');
    await test.api(settingsPath, { method: 'DELETE' });
  });
});
