import { list, ok } from '../http.ts';
import { errors } from '../errors.ts';
import { resourceAreas } from '../locations.ts';
import type { Route } from './route.ts';
import { projectReference, projectUrl, teamReference } from './links.ts';
import { findProject, findTeam } from './scope.ts';
import { skipTop } from './query.ts';

export const coreRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'connectionData',
    location: 'connectionData',
    handle: ({ model }) => {
      const user = model.identities[0];
      const identity = {
        id: user?.id,
        descriptor: `aad.${user?.id ?? ''}`,
        providerDisplayName: user?.displayName,
        isActive: true,
      };
      return ok({
        authenticatedUser: identity,
        authorizedUser: identity,
        instanceId: model.organizationId,
        deploymentId: model.organizationId,
        deploymentType: 'hosted',
        locationServiceData: {
          serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7',
          defaultAccessMappingMoniker: 'PublicAccessMapping',
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'projects',
    location: 'projects',
    handle: ({ model, organizationUrl, query }) =>
      list(skipTop(query, model.projects, 100).map((project) => projectReference(organizationUrl, project))),
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'projects/:projectId',
    location: 'projects',
    handle: ({ model, organizationUrl }, { values }) => {
      const name = values.projectId ?? '';
      const project = findProject(model, name);
      if (!project) throw errors.projectNotFound(name);
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
    handle: ({ model, organizationUrl, query }, { values }) => {
      const name = values.projectId ?? '';
      const project = findProject(model, name);
      if (!project) throw errors.projectNotFound(name);
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
    handle: ({ model, organizationUrl, query }) => {
      const teams = model.projects.flatMap((project) =>
        project.teams.map((team) => teamReference(organizationUrl, project, team)),
      );
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
