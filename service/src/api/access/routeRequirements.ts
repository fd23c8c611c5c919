import type { Requirement } from '../../services/access/requirements.ts';

/** What a request must prove before its router runs. */
export type Guard =
  /** Listing: the organization named by the X-Seika-Organization header, any member. */
  | { readonly kind: 'listing' }
  /** Connecting: a Project Collection Administrator of the organization at the posted URL. */
  | { readonly kind: 'connect' }
  | { readonly kind: 'organization'; readonly organization: string; readonly requirement: Requirement };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
type Params = Readonly<Record<string, string>>;

interface Rule {
  readonly methods: readonly Method[] | 'any';
  /** Segments after /api/v1; `:name` captures one; a final `*` matches one or more further segments. */
  readonly path: string;
  readonly guard: (params: Params) => Guard;
}

const WRITE: readonly Method[] = ['POST', 'PUT', 'DELETE', 'PATCH'];
const TEAM = '/organizations/:organization/projects/:project/teams/:team';
const PROJECT = '/organizations/:organization/projects/:project';

const on =
  (role: 'collectionAdministrator') =>
  (params: Params): Guard => ({
    kind: 'organization',
    organization: params['organization'] ?? '',
    requirement: { role },
  });
const project =
  (role: 'projectReader' | 'projectAdministrator') =>
  (params: Params): Guard => ({
    kind: 'organization',
    organization: params['organization'] ?? '',
    requirement: { role, project: params['project'] ?? '' },
  });
const member = (params: Params): Guard => ({
  kind: 'organization',
  organization: params['organization'] ?? '',
  requirement: { role: 'member' },
});
const teamAdministrator = (params: Params): Guard => ({
  kind: 'organization',
  organization: params['organization'] ?? '',
  requirement: { role: 'teamAdministrator', project: params['project'] ?? '', team: params['team'] ?? '' },
});

/**
 * Every API route's role, first match wins. The last rules are the safe defaults for routes added later:
 * reading a project or team needs only to see the project, changing one needs its administrators, and
 * anything else about an organization needs a Project Collection Administrator.
 */
export const ROUTE_RULES: readonly Rule[] = [
  { methods: ['GET'], path: '/organizations', guard: () => ({ kind: 'listing' }) },
  { methods: ['POST'], path: '/organizations', guard: () => ({ kind: 'connect' }) },
  { methods: ['DELETE'], path: '/organizations/:organization', guard: on('collectionAdministrator') },
  {
    methods: ['GET'],
    path: '/organizations/:organization/sync-status',
    guard: on('collectionAdministrator'),
  },
  { methods: ['GET'], path: '/organizations/:organization/audit', guard: on('collectionAdministrator') },
  // Company holidays shape every team's working days: members read them, collection admins change them.
  { methods: ['GET'], path: '/organizations/:organization/company-holidays', guard: member },
  {
    methods: ['PUT'],
    path: '/organizations/:organization/company-holidays',
    guard: on('collectionAdministrator'),
  },
  // What the caller may do: any member may ask about themselves.
  { methods: ['GET'], path: '/organizations/:organization/access', guard: member },
  // Hubs record their own use (counts only, no identity kept) for every member; the usage report stays with
  // the administrators.
  { methods: ['POST'], path: '/organizations/:organization/usage/events', guard: member },
  // Forecasts take their options as a POST body but only read.
  { methods: ['GET', 'POST'], path: `${TEAM}/flow/forecast/*`, guard: project('projectReader') },
  { methods: ['GET'], path: `${TEAM}/*`, guard: project('projectReader') },
  { methods: ['PUT', 'DELETE'], path: `${TEAM}/flow/settings`, guard: teamAdministrator },
  { methods: ['PUT', 'DELETE'], path: `${TEAM}/sprints/:iterationId/targets`, guard: teamAdministrator },
  // Members record why a target was missed when the lead allows it (the service checks that setting).
  { methods: ['PUT'], path: `${TEAM}/sprints/:iterationId/review/reasons`, guard: project('projectReader') },
  { methods: WRITE, path: `${TEAM}/*`, guard: teamAdministrator },
  { methods: ['GET'], path: `${PROJECT}/*`, guard: project('projectReader') },
  // A preview takes its draft as a POST body but stores nothing: whoever may read the settings.
  { methods: ['POST'], path: `${PROJECT}/delivery/settings/preview`, guard: project('projectReader') },
  {
    methods: ['PUT', 'DELETE'],
    path: `${PROJECT}/delivery/settings`,
    guard: project('projectAdministrator'),
  },
  { methods: WRITE, path: `${PROJECT}/*`, guard: project('projectAdministrator') },
  { methods: 'any', path: '/organizations/:organization/*', guard: on('collectionAdministrator') },
];

function match(pattern: string, segments: readonly string[]): Params | undefined {
  // Case-insensitive like express's own routing, so no spelling of a path slips past its rule.
  const parts = pattern.split('/').filter((part) => part !== '');
  const rest = parts.at(-1) === '*';
  const fixed = rest ? parts.slice(0, -1) : parts;
  if (rest ? segments.length <= fixed.length : segments.length !== fixed.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of fixed.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return params;
}

/** The guard of a request (method, path below /api/v1), or undefined when no route is guarded there. */
export function guardFor(method: string, path: string): Guard | undefined {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  let segments: string[];
  try {
    segments = path
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  for (const rule of ROUTE_RULES) {
    if (rule.methods !== 'any' && !(rule.methods as readonly string[]).includes(verb)) continue;
    const params = match(rule.path, segments);
    if (params !== undefined) return rule.guard(params);
  }
  return undefined;
}
