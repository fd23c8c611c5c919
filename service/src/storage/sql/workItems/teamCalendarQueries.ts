import {
  DAYS_OF_WEEK,
  type DayOfWeek,
  type TeamCalendarRecord,
  type TeamDayOffRecord,
} from '../../../domain/teamCalendar.ts';
import { text } from '../rows.ts';
import type { SqlExecutor } from '../sqlDatabase.ts';
import type { TeamPageKey } from './teamPageWrites.ts';

/** The team's working weekdays as its settings last said (the answer is the whole list). */
export async function replaceWorkingDays(
  executor: SqlExecutor,
  key: TeamPageKey,
  workingDays: readonly DayOfWeek[],
): Promise<void> {
  await executor.run(
    `INSERT INTO team_working_days (organization, project, team, working_days, raw_page_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (organization, project, team) DO UPDATE SET working_days = excluded.working_days,
       raw_page_id = excluded.raw_page_id`,
    [key.organization, key.project, key.team.toLowerCase(), JSON.stringify(workingDays), key.rawPageId],
  );
}

/** One iteration's team days off as last read: the answer lists them all, so it replaces the iteration's. */
export async function replaceDaysOff(
  executor: SqlExecutor,
  key: TeamPageKey,
  iterationId: string,
  ranges: readonly { start: string; end: string }[],
): Promise<void> {
  const team = key.team.toLowerCase();
  const iteration = iterationId.toLowerCase();
  await executor.run(
    'DELETE FROM team_days_off WHERE organization = ? AND project = ? AND team = ? AND iteration_id = ?',
    [key.organization, key.project, team, iteration],
  );
  // Two ranges starting on one day (Azure DevOps does not forbid it) keep the longer.
  const byStart = new Map<string, string>();
  for (const range of ranges) {
    const end = byStart.get(range.start);
    if (end === undefined || range.end > end) byStart.set(range.start, range.end);
  }
  for (const [start, end] of byStart) {
    await executor.run(
      `INSERT INTO team_days_off (organization, project, team, iteration_id, start_day, end_day, raw_page_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [key.organization, key.project, team, iteration, start, end, key.rawPageId],
    );
  }
}

function isDayOfWeek(value: unknown): value is DayOfWeek {
  return typeof value === 'string' && (DAYS_OF_WEEK as readonly string[]).includes(value);
}

export async function readTeamCalendar(
  executor: SqlExecutor,
  organization: string,
  project: string,
  team: string,
): Promise<TeamCalendarRecord> {
  const key = [organization, project, team.toLowerCase()];
  const weekRow = await executor.get(
    'SELECT working_days FROM team_working_days WHERE organization = ? AND project = ? AND team = ?',
    key,
  );
  const dayRows = await executor.all(
    `SELECT iteration_id, start_day, end_day FROM team_days_off WHERE organization = ? AND project = ? AND team = ?
     ORDER BY start_day, iteration_id`,
    key,
  );
  const stored: unknown = weekRow === undefined ? undefined : JSON.parse(text(weekRow, 'working_days'));
  const workingDays = Array.isArray(stored) ? stored.filter(isDayOfWeek) : undefined;
  const daysOff: TeamDayOffRecord[] = dayRows.map((row) => ({
    iterationId: text(row, 'iteration_id'),
    start: text(row, 'start_day'),
    end: text(row, 'end_day'),
  }));
  return { workingDays, daysOff };
}
