import type { RequestContext, RouteResult } from '../http.ts';
import type { LocationKey } from '../locations.ts';
import type { ProjectModel, TeamModel } from '../model/organization.ts';

/**
 * Where a route sits: under the organization only, under a project (required or optional, like
 * reporting revisions), or under a project and team (team optional: the default team).
 */
export type RouteScope = 'organization' | 'project' | 'optionalProject' | 'team' | 'optionalTeam';

export interface RouteParams {
  /** Placeholders of the pattern, e.g. `type` for `wit/workitemtypes/:type/states`. */
  readonly values: Readonly<Record<string, string>>;
  readonly project: ProjectModel | undefined;
  readonly team: TeamModel | undefined;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  readonly methods: readonly HttpMethod[];
  readonly scope: RouteScope;
  /** Segments after `_apis/`, matched case-insensitively; `:name` captures one segment; `:name?` optional last. */
  readonly pattern: string;
  readonly location: LocationKey;
  /** The Release area lives on its own host (vsrm.dev.azure.com); the simulator serves it under /vsrm. */
  readonly host?: 'release';
  /** Served without credentials (location metadata), so a bad PAT shows up at the first data call. */
  readonly anonymous?: boolean;
  handle(context: RequestContext, params: RouteParams): RouteResult | Promise<RouteResult>;
}

export function matchPattern(
  pattern: string,
  segments: readonly string[],
): Record<string, string> | undefined {
  const parts = pattern.split('/');
  const values: Record<string, string> = {};
  const required = parts.filter((part) => !part.endsWith('?')).length;
  if (segments.length < required || segments.length > parts.length) return undefined;
  for (const [index, part] of parts.entries()) {
    const segment = segments[index];
    if (part.startsWith(':')) {
      if (segment !== undefined) values[part.replace(/^:|\?$/g, '')] = segment;
      continue;
    }
    if (segment === undefined || segment.toLowerCase() !== part.toLowerCase()) return undefined;
  }
  return values;
}
