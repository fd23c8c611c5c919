import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUsageService } from '../../../service/src/services/usage/service.ts';
import { staticOrganizationDirectory } from '../../../service/src/services/organizationDirectory.ts';
import type { SqlDatabase, SqlRow } from '../../../service/src/storage/sql/sqlDatabase.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { columnsOf, openRawDatabase } from '../../support/rawDatabase.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let directory: ReturnType<typeof temporaryDirectory>;
let opened: TestRepository | undefined;
let raw: SqlDatabase | undefined;

const USAGE_TABLES = ['usage_weekly', 'usage_day_salts', 'usage_viewer_hashes', 'usage_daily_viewers'];
const VIEWERS = [
  'user-aaaa-1',
  'user-bbbb-2',
  'user-cccc-3',
  'user-dddd-4',
  'user-eeee-5',
  'user-ffff-6',
  'user-gggg-7',
];

beforeEach(() => {
  directory = temporaryDirectory('usage');
});

afterEach(async () => {
  await raw?.close();
  raw = undefined;
  await opened?.dispose();
  opened = undefined;
  directory.remove();
});

describe.each(BACKENDS)('usage analysis on %s', (backend) => {
  async function setUp(clock: { now: number }) {
    opened = await openTestRepository(backend, directory.path, 'usage');
    const service = createUsageService({
      store: opened.storage.usage,
      organizations: staticOrganizationDirectory([
        { name: 'org-a', url: 'https://dev.azure.com/org-a', timeZone: 'Asia/Tokyo' },
      ]),
      now: () => clock.now,
    });
    const database = await openRawDatabase(opened.target);
    raw = database;
    const allRows = async (): Promise<SqlRow[]> =>
      (await Promise.all(USAGE_TABLES.map((table) => database.all(`SELECT * FROM ${table}`)))).flat();
    return { service, allRows, database };
  }

  it('counts per team and week, sends counts under 5 only as "fewer than 5", and keeps no identity', async () => {
    const clock = { now: Date.parse('2026-06-02T03:00:00Z') }; // Tuesday in Tokyo
    const { service, allRows, database } = await setUp(clock);
    for (const viewer of VIEWERS)
      await service.record('org-a', { kind: 'flowHubOpened', project: 'P', team: 'Web' }, viewer);
    for (const viewer of VIEWERS.slice(0, 3)) {
      await service.record('org-a', { kind: 'flowHubOpened', project: 'P', team: 'Api' }, viewer);
    }
    await service.record('org-a', { kind: 'targetsSet', project: 'P', team: 'Web' }, VIEWERS[0] ?? '');
    // The same viewer twice in a day counts once.
    await service.record('org-a', { kind: 'flowHubOpened', project: 'P', team: 'Web' }, VIEWERS[0] ?? '');

    const beforeRollUp = JSON.stringify(await allRows());
    for (const viewer of VIEWERS) expect(beforeRollUp).not.toContain(viewer);

    clock.now = Date.parse('2026-06-04T03:00:00Z');
    expect(await service.rollUp()).toBe(2);
    expect(await database.all('SELECT * FROM usage_viewer_hashes')).toEqual([]);
    expect(await database.all('SELECT * FROM usage_day_salts')).toEqual([]);

    const report = await service.report('org-a', 2);
    expect(report.weeks.map((week) => week.weekStart)).toEqual(['2026-05-25', '2026-06-01']);
    const [web, api] = ['Web', 'Api'].map((team) =>
      report.weeks[1]?.teams.find((entry) => entry.team.toLowerCase() === team.toLowerCase()),
    );
    expect(web?.counts.flowHubOpened).toEqual({ count: 8, fewerThanFive: false });
    expect(web?.counts.targetsSet).toEqual({ count: null, fewerThanFive: true });
    expect(web?.counts.reviewSaved).toEqual({ count: 0, fewerThanFive: false });
    expect(web?.peakDailyViewers).toEqual({ count: 7, fewerThanFive: false });
    expect(api?.peakDailyViewers).toEqual({ count: null, fewerThanFive: true });
    expect(api?.counts.flowHubOpened).toEqual({ count: null, fewerThanFive: true });

    const stored = JSON.stringify(await allRows());
    for (const viewer of VIEWERS) expect(stored).not.toContain(viewer);
  });

  it('has no column that could hold a person', async () => {
    const { database } = await setUp({ now: Date.parse('2026-06-02T03:00:00Z') });
    for (const table of USAGE_TABLES) {
      const columns = await columnsOf(database, table);
      expect(columns.length, table).toBeGreaterThan(0);
      expect(
        columns.filter((name) => /user|person|name|mail|actor|display/i.test(name)),
        table,
      ).toEqual([]);
    }
  });
});
