import { ok } from '../http.ts';
import { errors } from '../errors.ts';
import { statesOfType, AGILE_STATES, PORTFOLIO_STATES } from '../generate/process.ts';
import type { ProcessState } from '../generate/process.ts';
import type { OrganizationModel } from '../generate/model.ts';
import type { Route } from './route.ts';
import { workItemTypeRef } from './links.ts';
import { readRevisionsGet, readRevisionsPost } from './revisions.ts';

const REFERENCE_NAMES: Record<string, string> = {
  'User Story': 'Microsoft.VSTS.WorkItemTypes.UserStory',
  Bug: 'Microsoft.VSTS.WorkItemTypes.Bug',
  Task: 'Microsoft.VSTS.WorkItemTypes.Task',
  Feature: 'Microsoft.VSTS.WorkItemTypes.Feature',
  Epic: 'Microsoft.VSTS.WorkItemTypes.Epic',
};

function workItemType(
  organizationUrl: string,
  model: OrganizationModel,
  name: string,
  states: readonly ProcessState[],
) {
  return {
    name,
    referenceName: REFERENCE_NAMES[name] ?? name,
    description: `${name} work item type of the Agile process`,
    isDisabled: false,
    states: states.map(({ name: stateName, color, category }) => ({ name: stateName, color, category })),
    url: workItemTypeRef(organizationUrl, model, name).url,
  };
}

export const witRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'wit/workitemtypes/:type/states',
    location: 'workItemTypeStates',
    handle: (_context, { values }) => {
      const found = statesOfType(values.type ?? '');
      if (!found) throw errors.workItemTypeNotFound(values.type ?? '');
      const value = found.states.map(({ name, color, category }) => ({ name, color, category }));
      return ok({ count: value.length, value });
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'wit/workitemtypes/:type?',
    location: 'workItemTypes',
    handle: ({ model, organizationUrl }, { values }) => {
      if (values.type === undefined) {
        const all = Object.entries({ ...AGILE_STATES, ...PORTFOLIO_STATES });
        const value = all.map(([name, states]) => workItemType(organizationUrl, model, name, states));
        return ok({ count: value.length, value });
      }
      const found = statesOfType(values.type);
      if (!found) throw errors.workItemTypeNotFound(values.type);
      return ok(workItemType(organizationUrl, model, found.name, found.states));
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
];
