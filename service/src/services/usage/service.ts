/**
 * Records usage events and reports them per team and week. A viewer is kept only as an HMAC of the
 * organization and user id under the day's random salt; once the day has passed everywhere (two UTC days
 * later) its hashes become a count and the hashes and salt are deleted, so nobody can be traced.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  USAGE_EVENT_KINDS,
  VIEW_EVENT_KINDS,
  type UsageEvent,
  type UsageEventKind,
  type UsageReport,
} from '../../contract/usage/usage.ts';
import { addDays, dayOf } from '../../metrics/calendar.ts';
import { suppressSmall, type SuppressedCount } from '../../metrics/usage/smallCounts.ts';
import { weekdayOf, WEEKDAYS } from '../../metrics/targets/workingCalendar.ts';
import type { UsageStore, UsageTeam } from '../../storage/usage.ts';
import { NotFoundError } from '../errors.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';

export interface UsageService {
  record(organization: string, event: UsageEvent, viewerId: string): Promise<void>;
  report(organization: string, weeks: number): Promise<UsageReport>;
  /** Counts and forgets the viewer hashes of days that have ended in every time zone. */
  rollUp(): Promise<number>;
}

/** Every event kind's count, under 5 suppressed (an exhaustive record: a new kind must be listed). */
function suppressedCounts(
  counts: ReadonlyMap<UsageEventKind, number>,
): Record<UsageEventKind, SuppressedCount> {
  const count = (kind: UsageEventKind) => suppressSmall(counts.get(kind) ?? 0);
  return {
    flowHubOpened: count('flowHubOpened'),
    deliveryHubOpened: count('deliveryHubOpened'),
    sprintTabOpened: count('sprintTabOpened'),
    adminHubOpened: count('adminHubOpened'),
    widgetLoaded: count('widgetLoaded'),
    targetsSet: count('targetsSet'),
    reviewSaved: count('reviewSaved'),
    insightActed: count('insightActed'),
  };
}

function mondayOf(day: string): string {
  return addDays(day, -((WEEKDAYS.indexOf(weekdayOf(day)) + 6) % 7));
}

export function createUsageService(dependencies: {
  store: UsageStore;
  organizations: OrganizationDirectory;
  now?: () => number;
}): UsageService {
  const { store, organizations } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function organizationOf(name: string) {
    const organization = await organizations.find(name);
    if (organization === undefined) {
      throw new NotFoundError(`Organization "${name}" is not connected to this Seika service.`);
    }
    return organization;
  }

  async function viewerHash(organization: string, viewerId: string, day: string): Promise<string> {
    const salt = await store.daySalt(day, () => randomBytes(32).toString('base64'));
    return createHmac('sha256', salt)
      .update(`${organization}\u0000${viewerId}`)
      .digest('base64url')
      .slice(0, 22);
  }

  return {
    async record(name, event, viewerId) {
      const organization = await organizationOf(name);
      const day = dayOf(now(), organization.timeZone);
      const team: UsageTeam = {
        organization: organization.name,
        project: event.project ?? '',
        team: event.team ?? '',
      };
      await store.increment(team, mondayOf(day), event.kind);
      if (VIEW_EVENT_KINDS.includes(event.kind)) {
        await store.addViewer(
          team,
          dayOf(now(), 'UTC'),
          await viewerHash(organization.name, viewerId, dayOf(now(), 'UTC')),
        );
      }
    },

    async report(name, weeks) {
      const organization = await organizationOf(name);
      const today = dayOf(now(), organization.timeZone);
      const firstWeek = addDays(mondayOf(today), -7 * (weeks - 1));
      const [counts, viewers] = await Promise.all([
        store.counts(organization.name, firstWeek),
        store.dailyViewers(organization.name, firstWeek),
      ]);
      const byWeek = new Map<
        string,
        Map<string, { project: string; team: string; counts: Map<UsageEventKind, number>; peak: number }>
      >();
      const entry = (weekStart: string, project: string, team: string) => {
        const teams = byWeek.get(weekStart) ?? new Map();
        byWeek.set(weekStart, teams);
        const teamKey = `${project}\u0000${team}`;
        const found = teams.get(teamKey) ?? {
          project,
          team,
          counts: new Map<UsageEventKind, number>(),
          peak: 0,
        };
        teams.set(teamKey, found);
        return found;
      };
      for (const row of counts) {
        const kind = USAGE_EVENT_KINDS.find((candidate) => candidate === row.kind);
        if (kind !== undefined) entry(row.weekStart, row.project, row.team).counts.set(kind, row.count);
      }
      for (const row of viewers) {
        const found = entry(mondayOf(row.day), row.project, row.team);
        found.peak = Math.max(found.peak, row.viewers);
      }
      const weekStarts = Array.from({ length: weeks }, (_, index) => addDays(firstWeek, 7 * index));
      return {
        organization: organization.name,
        timeZone: organization.timeZone,
        weeks: weekStarts.map((weekStart) => ({
          weekStart,
          teams: [...(byWeek.get(weekStart)?.values() ?? [])]
            .sort((a, b) => a.project.localeCompare(b.project) || a.team.localeCompare(b.team))
            .map((team) => ({
              project: team.project,
              team: team.team,
              counts: suppressedCounts(team.counts),
              peakDailyViewers: suppressSmall(team.peak),
            })),
        })),
      };
    },

    async rollUp() {
      // Hashes are keyed by UTC day; a UTC day has ended in every time zone by the end of the next one.
      return store.rollUpViewers(addDays(dayOf(now(), 'UTC'), -1));
    },
  };
}
