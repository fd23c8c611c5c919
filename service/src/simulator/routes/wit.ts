import { list, ok } from '../http.ts';
import { errors } from '../errors.ts';
import { backlogTypeOrder } from '../processes/index.ts';
import { typeOf } from '../processes/types.ts';
import type { WorkItemTypeDef } from '../processes/types.ts';
import type { ProjectModel } from '../model/organization.ts';
import type { Route } from './route.ts';
import { workItemTypeRef } from './links.ts';
import { readRevisionsGet, readRevisionsPost } from './revisions.ts';
import { readLinks } from './reportingLinks.ts';

function workItemType(organizationUrl: string, project: ProjectModel, type: WorkItemTypeDef) {
  return {
    name: type.name,
    referenceName: type.referenceName,
    description: `${type.name} work item type of the ${project.process.name} process`,
    color: type.color,
    icon: {
      id: type.icon,
      url: `${organizationUrl}/_apis/wit/workItemIcons/${type.icon}?color=${type.color}&v=2`,
    },
    isDisabled: false,
    states: type.states.map(({ name, color, category }) => ({ name, color, category })),
    url: workItemTypeRef(organizationUrl, project, type.name).url,
  };
}

function findType(project: ProjectModel | undefined, name: string): WorkItemTypeDef {
  const type = project ? typeOf(project.process, name) : undefined;
  if (!type) throw errors.workItemTypeNotFound(name);
  return type;
}

export const witRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'wit/workitemtypes/:type/states',
    location: 'workItemTypeStates',
    handle: (_context, { project, values }) => {
      const type = findType(project, values.type ?? '');
      return list(type.states.map(({ name, color, category }) => ({ name, color, category })));
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'wit/workitemtypes/:type?',
    location: 'workItemTypes',
    handle: ({ organizationUrl }, { project, values }) => {
      if (!project) throw errors.invalidArgument('A project is required.');
      if (values.type === undefined) {
        const types = backlogTypeOrder(project.process).flatMap((name) => {
          const type = typeOf(project.process, name);
          return type ? [workItemType(organizationUrl, project, type)] : [];
        });
        return list(types);
      }
      return ok(workItemType(organizationUrl, project, findType(project, values.type)));
    },
  },
  {
    methods: ['GET', 'POST'],
    scope: 'optionalProject',
    pattern: 'wit/reporting/workitemrevisions',
    location: 'reportingRevisions',
    handle: (context, params) =>
      context.method === 'POST' ? readRevisionsPost(context, params) : readRevisionsGet(context, params),
  },
  {
    methods: ['GET'],
    scope: 'optionalProject',
    pattern: 'wit/reporting/workitemlinks',
    location: 'reportingLinks',
    handle: readLinks,
  },
];
