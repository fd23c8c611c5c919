import type { OrganizationModel } from './model/organization.ts';
import { errors } from './errors.ts';
import type { Route, RouteParams } from './routes/route.ts';
import { matchPattern } from './routes/route.ts';
import { ROUTES } from './routes/index.ts';
import { findProject, findTeam } from './routes/scope.ts';

export interface RouteMatch {
  readonly route: Route;
  readonly values: Readonly<Record<string, string>>;
}

export type Host = 'main' | 'release';

function scopeFits(route: Route, scopeLength: number): boolean {
  switch (route.scope) {
    case 'organization':
      return scopeLength === 0;
    case 'project':
      return scopeLength === 1;
    case 'optionalProject':
      return scopeLength <= 1;
    case 'team':
      return scopeLength === 1 || scopeLength === 2;
    case 'optionalTeam':
      return scopeLength <= 2;
  }
}

/** Finds the route for `{scope...}/_apis/{resource...}`; a path known for another method gives 405. */
export function findRoute(
  method: string,
  scope: readonly string[],
  resource: readonly string[],
  host: Host,
): RouteMatch | undefined {
  let pathKnown = false;
  for (const route of ROUTES) {
    if ((route.host === 'release') !== (host === 'release')) continue;
    if (!scopeFits(route, scope.length)) continue;
    const values = matchPattern(route.pattern, resource);
    if (!values) continue;
    if ((route.methods as readonly string[]).includes(method)) return { route, values };
    pathKnown = true;
  }
  if (pathKnown) throw errors.methodNotAllowed(method);
  return undefined;
}

/** Resolves the project and team segments before `_apis` (team omitted → the project's default team). */
export function resolveScope(
  model: OrganizationModel,
  match: RouteMatch,
  scope: readonly string[],
): RouteParams {
  const [projectName, teamName] = scope;
  const project = projectName === undefined ? undefined : findProject(model, projectName);
  if (projectName !== undefined && !project) throw errors.projectNotFound(projectName);
  if (!project) return { values: match.values, project: undefined, team: undefined };
  if (teamName === undefined) {
    const team =
      match.route.scope === 'team' || match.route.scope === 'optionalTeam' ? project.defaultTeam : undefined;
    return { values: match.values, project, team };
  }
  const team = findTeam(project, teamName);
  if (!team) throw errors.teamNotFound(teamName);
  return { values: match.values, project, team };
}
