/**
 * The one place a team's working calendar is loaded: its working weekdays and days off as synchronised
 * from Azure DevOps, the organization's company holidays and the team's holiday-calendar setting (by
 * default Japanese on Asia/Tokyo). A project-level view (no team) has Monday–Friday, the company holidays
 * and the calendar of the zone in effect. `version` names everything the calendar depends on, for answers
 * cached or tagged by version.
 */
import type { CompanyHolidayRecord, TeamCalendarRecord } from '../../domain/teamCalendar.ts';
import {
  effectiveHolidayCalendar,
  NO_TEAM_CALENDAR,
  teamWorkingCalendar,
  type HolidayCalendar,
  type WorkingCalendar,
} from '../../metrics/targets/index.ts';
import type { CompanyHolidayStore } from '../../storage/calendar.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import { decodeCompanyHolidays } from './companyHolidaysService.ts';

export interface LoadedWorkingCalendar {
  calendar: WorkingCalendar;
  /** The named ranges behind `calendar.companyHolidays`, for labels. */
  companyHolidays: readonly CompanyHolidayRecord[];
  /** Changes whenever the calendar could: days off, weekdays, company holidays, holiday calendar. */
  version: string;
}

export interface WorkingCalendarService {
  /** A team's calendar; `chosen` is its holiday-calendar setting (null: by the time zone). */
  team(
    key: { organization: string; project: string; team: string },
    options: { chosen: HolidayCalendar | null; timeZone: string },
  ): Promise<LoadedWorkingCalendar>;
  /** A project-level calendar: Monday–Friday, company holidays, the zone's national holidays. */
  organization(organization: string, timeZone: string): Promise<LoadedWorkingCalendar>;
}

export function createWorkingCalendarService(dependencies: {
  repository: Pick<SeikaRepository, 'getTeamCalendar'>;
  companyHolidays: CompanyHolidayStore;
}): WorkingCalendarService {
  async function load(
    organization: string,
    team: TeamCalendarRecord,
    holidayCalendar: HolidayCalendar,
  ): Promise<LoadedWorkingCalendar> {
    const stored = await dependencies.companyHolidays.get(organization);
    const companyHolidays = decodeCompanyHolidays(stored);
    const calendar = teamWorkingCalendar(team, companyHolidays, holidayCalendar);
    return {
      calendar,
      companyHolidays,
      version: JSON.stringify([calendar, stored?.updatedAt ?? null]),
    };
  }
  return {
    async team(key, options) {
      const record = await dependencies.repository.getTeamCalendar(key.organization, key.project, key.team);
      return load(key.organization, record, effectiveHolidayCalendar(options.chosen, options.timeZone));
    },
    organization(organization, timeZone) {
      return load(organization, NO_TEAM_CALENDAR, effectiveHolidayCalendar(null, timeZone));
    },
  };
}
