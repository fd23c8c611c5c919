import { ok } from '../http.ts';
import type { ProjectModel } from '../model/organization.ts';
import { backlogTypeOrder } from '../processes/index.ts';
import type { BacklogLevelDef } from '../processes/types.ts';
import { typeOf } from '../processes/types.ts';
import type { Route } from './route.ts';
import { workItemTypeRef } from './links.ts';
import { scopeOf } from './work.ts';

const field = (organizationUrl: string, referenceName: string, name: string) => ({
  referenceName,
  name,
  url: `${organizationUrl}/_apis/wit/fields/${referenceName}`,
});

function backlogLevel(organizationUrl: string, project: ProjectModel, level: BacklogLevelDef) {
  const types = level.types.map((name) => workItemTypeRef(organizationUrl, project, name));
  return {
    id: level.id,
    name: level.name,
    rank: level.rank,
    workItemCountLimit: 1000,
    addPanelFields: [field(organizationUrl, 'System.Title', 'Title')],
    columnFields: [
      { columnFieldReference: field(organizationUrl, 'System.Title', 'Title'), width: 400 },
      { columnFieldReference: field(organizationUrl, 'System.State', 'State'), width: 100 },
    ],
    workItemTypes: types,
    defaultWorkItemType: types[0],
    color: level.color,
  };
}

const processCategory = (organizationUrl: string, project: ProjectModel, level: BacklogLevelDef) => ({
  name: level.name,
  referenceName: level.id,
  workItemTypes: level.types.map((name) => workItemTypeRef(organizationUrl, project, name)),
});

export const backlogRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/backlogconfiguration',
    location: 'backlogConfiguration',
    handle: ({ organizationUrl }, params) => {
      const { project, team } = scopeOf(params);
      const { process } = project;
      return ok({
        taskBacklog: backlogLevel(organizationUrl, project, process.task),
        requirementBacklog: backlogLevel(organizationUrl, project, process.requirement),
        portfolioBacklogs: process.portfolio.map((level) => backlogLevel(organizationUrl, project, level)),
        // No bugWorkItems here: the service's BacklogConfiguration has none (processconfiguration does).
        workItemTypeMappedStates: backlogTypeOrder(process).map((workItemTypeName) => ({
          workItemTypeName,
          states: Object.fromEntries(
            (typeOf(process, workItemTypeName)?.states ?? []).map((state) => [state.name, state.category]),
          ),
        })),
        backlogFields: {
          typeFields: {
            Order: 'Microsoft.VSTS.Common.StackRank',
            Effort: process.effortField.referenceName,
            RemainingWork: 'Microsoft.VSTS.Scheduling.RemainingWork',
            Activity: 'Microsoft.VSTS.Common.Activity',
          },
        },
        bugsBehavior: team.bugsBehavior,
        hiddenBacklogs: ['Microsoft.EpicCategory'],
        isBugsBehaviorConfigured: true,
        url: `${organizationUrl}/${project.id}/${team.id}/_apis/work/backlogconfiguration`,
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'work/processconfiguration',
    location: 'processConfiguration',
    handle: ({ organizationUrl }, { project }) => {
      if (!project) throw new Error('project scope without a project');
      const { process } = project;
      return ok({
        typeFields: {
          Effort: field(organizationUrl, process.effortField.referenceName, process.effortField.name),
          Order: field(organizationUrl, 'Microsoft.VSTS.Common.StackRank', 'Stack Rank'),
          RemainingWork: field(organizationUrl, 'Microsoft.VSTS.Scheduling.RemainingWork', 'Remaining Work'),
          Team: field(organizationUrl, 'System.AreaPath', 'Area Path'),
          Activity: field(organizationUrl, 'Microsoft.VSTS.Common.Activity', 'Activity'),
        },
        taskBacklog: processCategory(organizationUrl, project, process.task),
        requirementBacklog: processCategory(organizationUrl, project, process.requirement),
        portfolioBacklogs: process.portfolio.map((level) => processCategory(organizationUrl, project, level)),
        bugWorkItems: processCategory(organizationUrl, project, process.bug),
        url: `${organizationUrl}/${project.id}/_apis/work/processconfiguration`,
      });
    },
  },
];
