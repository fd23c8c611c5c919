import { errors, type SimulatorHttpError } from './errors.ts';
import { locationOf } from './locations.ts';
import type { Route } from './routes/route.ts';

/**
 * PAT scopes per API area, as Azure DevOps Services checks them: a PAT without the area's scope is
 * answered 401 on that area while it keeps working everywhere else. Discovery (Location) needs none.
 * Service hooks need vso.hooks_write to subscribe and vso.hooks to read.
 */
const AREA_SCOPES: Readonly<Record<string, string>> = {
  core: 'vso.project',
  wit: 'vso.work',
  work: 'vso.work',
  build: 'vso.build',
  pipelines: 'vso.build',
  git: 'vso.code',
  distributedtask: 'vso.environment_manage',
  release: 'vso.release',
  hooks: 'vso.hooks_write',
};

/** The scope a route's area needs, or undefined (discovery, connection data: every PAT may read them). */
export function scopeForRoute(route: Route): string | undefined {
  return AREA_SCOPES[locationOf(route.location).area.toLowerCase()];
}

/** A broader scope of the same family grants the narrower one (vso.work_write grants vso.work). */
export function grantsScope(granted: 'full' | readonly string[], needed: string): boolean {
  if (granted === 'full') return true;
  return granted.some((scope) => scope === needed || scope.startsWith(`${needed}_`));
}

/**
 * The service's answer to a PAT lacking the area's scope: 401 with its UnauthorizedRequestException body,
 * whose message names the scope required.
 */
export function missingScopeError(needed: string): SimulatorHttpError {
  return errors.custom(
    401,
    'UnauthorizedRequestException',
    'Microsoft.TeamFoundation.Framework.Server',
    `TF400813: The user is not authorized to access this resource. The personal access token does not ` +
      `have the scope required by this request: ${needed}.`,
  );
}

/** Throws the 401 when `granted` lacks the scope the route's area needs. */
export function checkScope(route: Route, granted: 'full' | readonly string[]): void {
  const needed = scopeForRoute(route);
  if (needed !== undefined && !grantsScope(granted, needed)) throw missingScopeError(needed);
}
