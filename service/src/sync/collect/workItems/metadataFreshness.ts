import { z } from 'zod';
import type { AdoConnection } from '../../../ado/clients.ts';
import { parsePage } from '../../normalise/delivery/parse.ts';
import { pathWithQuery } from '../delivery/shared.ts';
import type { ProjectRef } from '../projects.ts';

/**
 * Azure DevOps has no service-hook event for team settings, iterations or board columns, and its work
 * APIs send no ETag, so metadata cannot be asked "only if changed". The stream reads it all when a team
 * appears or disappears (one teams list per project tells) and otherwise once per refresh interval.
 */
export const metadataWatermarkSchema = z.object({
  readAt: z.iso.datetime({ offset: true }),
  /** `${projectId}` → the team ids seen, sorted and comma-joined. */
  teams: z.record(z.string(), z.string()),
});
export type MetadataWatermark = z.output<typeof metadataWatermarkSchema>;

const teamsSchema = z.object({
  value: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), projectId: z.string().min(1) })),
});

/** `$top` of the organization's team list (Teams - Get All Teams has no documented ceiling). */
const TEAMS_TOP = 1000;

export interface TeamRef {
  id: string;
  name: string;
}

/**
 * Every team of the organization's projects, by project id: one request for up to 1,000 teams
 * (`GET _apis/teams?$top&$skip`, Teams - Get All Teams, 7.1-preview.3), whatever the number of projects.
 */
export async function listTeams(
  connection: AdoConnection,
  projects: readonly ProjectRef[],
): Promise<Map<string, TeamRef[]>> {
  const teams = new Map<string, TeamRef[]>(projects.map((project) => [project.id.toLowerCase(), []]));
  for (let skip = 0; ; skip += TEAMS_TOP) {
    const url = pathWithQuery('_apis/teams', {
      $top: TEAMS_TOP,
      $skip: skip,
      'api-version': '7.1-preview.3',
    });
    const page = parsePage('core.teams', teamsSchema, (await connection.getJson(url)).body).value;
    for (const team of page) teams.get(team.projectId.toLowerCase())?.push({ id: team.id, name: team.name });
    if (page.length < TEAMS_TOP) break;
  }
  return new Map(projects.map((project) => [project.id, teams.get(project.id.toLowerCase()) ?? []]));
}

export function teamsFingerprint(teams: ReadonlyMap<string, readonly TeamRef[]>): Record<string, string> {
  return Object.fromEntries(
    [...teams].map(([project, list]) => [
      project,
      list
        .map((team) => team.id.toLowerCase())
        .sort()
        .join(','),
    ]),
  );
}

/** True when the stored metadata is recent enough and covers exactly the teams that exist now. */
export function isMetadataFresh(
  previous: MetadataWatermark | undefined,
  teams: Record<string, string>,
  now: number,
  refreshMs: number,
): boolean {
  if (previous === undefined) return false;
  const age = now - Date.parse(previous.readAt);
  if (!(age >= 0 && age < refreshMs)) return false;
  const before = Object.keys(previous.teams);
  const current = Object.keys(teams);
  return (
    before.length === current.length && current.every((project) => previous.teams[project] === teams[project])
  );
}
