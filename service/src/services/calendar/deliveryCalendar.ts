/**
 * The working calendar behind the Delivery hub's calendar: a team's (its synchronised working days and
 * days off, company holidays, its holiday-calendar setting), or for a project-level view Monday–Friday
 * with the company holidays and the zone's national holidays. `version` is cheap (two key lookups) so the
 * delivery API can fold it into its ETags before loading anything; days off and working days move with the
 * raw pages, which the delivery version already names.
 */
import type { NonWorkingDay } from '../../contract/calendar/workingCalendar.ts';
import { nonWorkingDaysBetween } from '../../metrics/targets/index.ts';
import type { CompanyHolidayStore } from '../../storage/calendar.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import { decodeTeamSettings } from '../teamSettings/codec.ts';
import type { WorkingCalendarService } from './workingCalendarService.ts';

export interface CalendarScope {
  organization: string;
  project: string;
  /** Undefined for a project-level view. */
  team: string | undefined;
}

export interface DeliveryCalendarSource {
  version(scope: CalendarScope): Promise<string>;
  nonWorkingDays(
    scope: CalendarScope,
    range: { from: string; to: string; timeZone: string },
  ): Promise<NonWorkingDay[]>;
}

export function createDeliveryCalendarSource(dependencies: {
  calendars: WorkingCalendarService;
  companyHolidays: CompanyHolidayStore;
  teamSettings: TeamSettingsStore;
}): DeliveryCalendarSource {
  const { calendars, companyHolidays, teamSettings } = dependencies;
  return {
    async version(scope) {
      const holidays = await companyHolidays.get(scope.organization);
      const settings =
        scope.team === undefined
          ? undefined
          : await teamSettings.get(scope.organization, scope.project, scope.team);
      return JSON.stringify(['calendar', holidays?.updatedAt ?? null, settings?.updatedAt ?? null]);
    },
    async nonWorkingDays(scope, { from, to, timeZone }) {
      const loaded =
        scope.team === undefined
          ? await calendars.organization(scope.organization, timeZone)
          : await calendars.team(
              { organization: scope.organization, project: scope.project, team: scope.team },
              {
                chosen: decodeTeamSettings(
                  await teamSettings.get(scope.organization, scope.project, scope.team),
                ).holidayCalendar,
                timeZone,
              },
            );
      return nonWorkingDaysBetween(from, to, loaded.calendar, loaded.companyHolidays);
    },
  };
}
