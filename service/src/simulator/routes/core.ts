import { ok } from '../http.ts';
import { errors } from '../errors.ts';
import { resourceAreas } from '../locations.ts';
import type { Route } from './route.ts';
import { projectReference, projectUrl, teamReference } from './links.ts';
import { findProject } from './scope.ts';

export const coreRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'connectionData',
    location: 'connectionData',
    handle: ({ model }) => {
      const user = model.identities[0];
      return ok({
        authenticatedUser: {
          id: user?.id,
          descriptor: `aad.${user?.id ?? ''}`,
          providerDisplayName: user?.displayName,
          isActive: true,
        },
        authorizedUser: {
          id: user?.id,
          descriptor: `aad.${user?.id ?? ''}`,
          providerDisplayName: user?.displayName,
          isActive: true,
        },
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
    handle: ({ model, organizationUrl }) =>
      ok({ count: 1, value: [projectReference(organizationUrl, model)] }),
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'projects/:projectId',
    location: 'projects',
    handle: ({ model, organizationUrl }, { values }) => {
      const name = values.projectId ?? '';
      if (!findProject(model, name)) throw errors.projectNotFound(name);
      return ok({
        ...projectReference(organizationUrl, model),
        _links: { self: { href: projectUrl(organizationUrl, model) } },
        capabilities: {
          processTemplate: { templateName: 'Agile', templateTypeId: 'adcc42ab-9882-485e-a3ed-7678f01f66bc' },
          versioncontrol: { sourceControlType: 'Git', gitEnabled: 'True', tfvcEnabled: 'False' },
        },
        defaultTeam: {
          id: model.team.id,
          name: model.team.name,
          url: `${projectUrl(organizationUrl, model)}/teams/${model.team.id}`,
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'projects/:projectId/teams/:teamId?',
    location: 'teams',
    handle: ({ model, organizationUrl }, { values }) => {
      const name = values.projectId ?? '';
      if (!findProject(model, name)) throw errors.projectNotFound(name);
      const team = values.teamId;
      if (team === undefined) return ok({ count: 1, value: [teamReference(organizationUrl, model)] });
      if (team.toLowerCase() !== model.team.name.toLowerCase() && team.toLowerCase() !== model.team.id) {
        throw errors.teamNotFound(team);
      }
      return ok(teamReference(organizationUrl, model));
    },
  },
  {
    methods: ['GET'],
    scope: 'organization',
    pattern: 'resourceAreas/:areaId?',
    location: 'resourceAreas',
    anonymous: true,
    handle: ({ organizationUrl }, { values }) => {
      const areas = resourceAreas(organizationUrl);
      const wanted = values.areaId?.toLowerCase();
      if (wanted === undefined) return ok({ count: areas.length, value: areas });
      const area = areas.find((candidate) => candidate.id === wanted);
      if (!area) throw errors.routeNotFound(`/_apis/resourceAreas/${wanted}`);
      return ok(area);
    },
  },
];
