import { ok } from '../http.ts';
import { formatAdoDate } from '../dates.ts';
import { AGILE_STATES, BACKLOG_LEVELS, PORTFOLIO_STATES } from '../generate/process.ts';
import type { IterationModel, OrganizationModel } from '../generate/model.ts';
import type { Route } from './route.ts';
import { projectUrl, teamApiUrl, teamUrl, workItemTypeRef } from './links.ts';

function nodeUrl(organizationUrl: string, model: OrganizationModel, iteration?: IterationModel): string {
  const base = `${organizationUrl}/${model.project.id}/_apis/wit/classificationNodes/Iterations`;
  return iteration ? `${base}/${encodeURIComponent(iteration.name)}` : base;
}

function currentIteration(model: OrganizationModel): IterationModel | undefined {
  const at = model.generatedAt.getTime();
  return model.iterations.find(
    (it) => it.startDate.getTime() <= at && at < it.finishDate.getTime() + 3 * 86_400_000,
  );
}

const field = (organizationUrl: string, referenceName: string, name: string) => ({
  referenceName,
  name,
  url: `${organizationUrl}/_apis/wit/fields/${referenceName}`,
});

function backlogLevel(
  organizationUrl: string,
  model: OrganizationModel,
  level: (typeof BACKLOG_LEVELS)[keyof typeof BACKLOG_LEVELS],
) {
  const types = level.types.map((name) => workItemTypeRef(organizationUrl, model, name));
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

const processCategory = (
  organizationUrl: string,
  model: OrganizationModel,
  level: (typeof BACKLOG_LEVELS)[keyof typeof BACKLOG_LEVELS],
) => ({
  name: level.name,
  referenceName: level.id,
  workItemTypes: level.types.map((name) => workItemTypeRef(organizationUrl, model, name)),
});

export const workRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/teamsettings',
    location: 'teamSettings',
    handle: ({ model, organizationUrl }) => {
      const current = currentIteration(model);
      const self = teamApiUrl(organizationUrl, model, 'teamsettings');
      return ok({
        backlogIteration: {
          id: model.project.rootIterationId,
          name: model.project.name,
          path: '',
          url: nodeUrl(organizationUrl, model),
        },
        bugsBehavior: 'asRequirements',
        workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        backlogVisibilities: {
          'Microsoft.EpicCategory': false,
          'Microsoft.FeatureCategory': true,
          'Microsoft.RequirementCategory': true,
        },
        defaultIteration: current
          ? {
              id: current.id,
              name: current.name,
              path: `\\${current.name}`,
              url: nodeUrl(organizationUrl, model, current),
            }
          : null,
        defaultIterationMacro: '@currentIteration',
        url: self,
        _links: {
          self: { href: self },
          project: { href: projectUrl(organizationUrl, model) },
          team: { href: teamUrl(organizationUrl, model) },
          teamIterations: { href: teamApiUrl(organizationUrl, model, 'teamsettings/iterations') },
          teamFieldValues: { href: teamApiUrl(organizationUrl, model, 'teamsettings/teamfieldvalues') },
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/teamsettings/teamfieldvalues',
    location: 'teamFieldValues',
    handle: ({ model, organizationUrl }) => {
      const self = teamApiUrl(organizationUrl, model, 'teamsettings/teamfieldvalues');
      return ok({
        field: {
          referenceName: 'System.AreaPath',
          url: `${organizationUrl}/_apis/wit/fields/System.AreaPath`,
        },
        defaultValue: model.team.areaPath,
        values: [{ value: model.team.areaPath, includeChildren: true }],
        url: self,
        _links: {
          self: { href: self },
          project: { href: projectUrl(organizationUrl, model) },
          team: { href: teamUrl(organizationUrl, model) },
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/teamsettings/iterations',
    location: 'teamIterations',
    handle: ({ model, organizationUrl, query }) => {
      const current = currentIteration(model);
      const at = model.generatedAt.getTime();
      const timeframe = (it: IterationModel): string =>
        it === current ? 'current' : it.startDate.getTime() > at ? 'future' : 'past';
      const wantCurrent = query.get('$timeframe')?.toLowerCase() === 'current';
      const iterations = model.iterations.filter((it) => !wantCurrent || it === current);
      const value = iterations.map((it) => ({
        id: it.id,
        name: it.name,
        path: it.path,
        attributes: {
          startDate: formatAdoDate(it.startDate),
          finishDate: formatAdoDate(it.finishDate),
          timeFrame: timeframe(it),
        },
        url: teamApiUrl(organizationUrl, model, `teamsettings/iterations/${it.id}`),
      }));
      return ok({ count: value.length, value });
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/backlogconfiguration',
    location: 'backlogConfiguration',
    handle: ({ model, organizationUrl }) => {
      const allStates = { ...AGILE_STATES, ...PORTFOLIO_STATES };
      return ok({
        taskBacklog: backlogLevel(organizationUrl, model, BACKLOG_LEVELS.task),
        requirementBacklog: backlogLevel(organizationUrl, model, BACKLOG_LEVELS.requirement),
        portfolioBacklogs: [
          backlogLevel(organizationUrl, model, BACKLOG_LEVELS.epic),
          backlogLevel(organizationUrl, model, BACKLOG_LEVELS.feature),
        ],
        // No bugWorkItems here: the service's BacklogConfiguration has none (processconfiguration does).
        workItemTypeMappedStates: Object.entries(allStates).map(([workItemTypeName, states]) => ({
          workItemTypeName,
          states: Object.fromEntries(states.map((state) => [state.name, state.category])),
        })),
        backlogFields: {
          typeFields: {
            Order: 'Microsoft.VSTS.Common.StackRank',
            Effort: 'Microsoft.VSTS.Scheduling.StoryPoints',
            RemainingWork: 'Microsoft.VSTS.Scheduling.RemainingWork',
            Activity: 'Microsoft.VSTS.Common.Activity',
          },
        },
        bugsBehavior: 'asRequirements',
        hiddenBacklogs: ['Microsoft.EpicCategory'],
        isBugsBehaviorConfigured: true,
        url: `${organizationUrl}/${model.project.id}/${model.team.id}/_apis/work/backlogconfiguration`,
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'work/processconfiguration',
    location: 'processConfiguration',
    handle: ({ model, organizationUrl }) =>
      ok({
        typeFields: {
          Effort: field(organizationUrl, 'Microsoft.VSTS.Scheduling.StoryPoints', 'Story Points'),
          Order: field(organizationUrl, 'Microsoft.VSTS.Common.StackRank', 'Stack Rank'),
          RemainingWork: field(organizationUrl, 'Microsoft.VSTS.Scheduling.RemainingWork', 'Remaining Work'),
          Team: field(organizationUrl, 'System.AreaPath', 'Area Path'),
          Activity: field(organizationUrl, 'Microsoft.VSTS.Common.Activity', 'Activity'),
        },
        taskBacklog: processCategory(organizationUrl, model, BACKLOG_LEVELS.task),
        requirementBacklog: processCategory(organizationUrl, model, BACKLOG_LEVELS.requirement),
        portfolioBacklogs: [
          processCategory(organizationUrl, model, BACKLOG_LEVELS.epic),
          processCategory(organizationUrl, model, BACKLOG_LEVELS.feature),
        ],
        bugWorkItems: processCategory(organizationUrl, model, BACKLOG_LEVELS.bug),
        url: `${organizationUrl}/${model.project.id}/_apis/work/processconfiguration`,
      }),
  },
];
