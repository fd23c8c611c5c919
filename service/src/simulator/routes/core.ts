import { list, ok, type RequestContext } from '../http.ts';
import type { ProjectModel } from '../model/organization.ts';
import { errors } from '../errors.ts';
import { resourceAreas } from '../locations.ts';
import type { Route } from './route.ts';
import { projectReference, projectUrl, teamReference } from './links.ts';
import { findProject, findTeam } from './scope.ts';
import { skipTop } from './query.ts';
import { canSeeProject } from '../identity/permissions.ts';

/** Whether the caller may see the project (membership or Project Collection Administrator). */
function visibleTo(context: RequestContext, project: ProjectModel): boolean {
  const { principal, identities, model } = context;
  const membership =
    principal === undefined ? undefined : identities.membership(model.organizationName, principal.userId);
  return membership !== undefined && canSeeProject(membership, project.id);
}

export const coreRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'projects',
    location: 'projects',
    handle: (context) => {
      const { model, organizationUrl, query } = context;
      // Only the projects the caller can see, as the service lists them.
      const visible = model.projects.filter((project) => visibleTo(context, project));
      return list(skipTop(query, visible, 100).map((project) => projectReference(organizationUrl, project)));
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'projects/:projectId',
    location: 'projects',
    handle: (context, { values }) => {
      const { model, organizationUrl } = context;
      const name = values.projectId ?? '';
      const project = findProject(model, name);
      // A project the caller cannot see does not exist for them (the service answers 404 alike).
      if (!project || !visibleTo(context, project)) throw errors.projectNotFound(name);
      const { process } = project;
      return ok({
        ...projectReference(organizationUrl, project),
        _links: { self: { href: projectUrl(organizationUrl, project) } },
        capabilities: {
          processTemplate: { templateName: process.name, templateTypeId: process.templateTypeId },
          versioncontrol: { sourceControlType: 'Git', gitEnabled: 'True', tfvcEnabled: 'False' },
        },
        defaultTeam: {
          id: project.defaultTeam.id,
          name: project.defaultTeam.name,
          url: `${projectUrl(organizationUrl, project)}/teams/${project.defaultTeam.id}`,
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'projects/:projectId/teams/:teamId?',
    location: 'teams',
    handle: (context, { values }) => {
      const { model, organizationUrl, query } = context;
      const name = values.projectId ?? '';
      const project = findProject(model, name);
      if (!project || !visibleTo(context, project)) throw errors.projectNotFound(name);
      const wanted = values.teamId;
      if (wanted === undefined)
        return list(
          skipTop(query, project.teams, 100).map((team) => teamReference(organizationUrl, project, team)),
        );
      const team = findTeam(project, wanted);
      if (!team) throw errors.teamNotFound(wanted);
      return ok(teamReference(organizationUrl, project, team));
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'teams',
    location: 'allTeams',
    handle: (context) => {
      const { model, organizationUrl, query } = context;
      const teams = model.projects
        .filter((project) => visibleTo(context, project))
        .flatMap((project) => project.teams.map((team) => teamReference(organizationUrl, project, team)));
      return list(skipTop(query, teams, 100));
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'resourceAreas/:areaId?',
    location: 'resourceAreas',
    anonymous: true,
    handle: ({ organizationUrl, releaseUrl }, { values }) => {
      const areas = resourceAreas(organizationUrl, releaseUrl);
      const wanted = values.areaId?.toLowerCase();
      if (wanted === undefined) return list(areas);
      const area = areas.find((candidate) => candidate.id === wanted);
      if (!area) throw errors.routeNotFound(`/_apis/resourceAreas/${wanted}`);
      return ok(area);
    },
  },
];
