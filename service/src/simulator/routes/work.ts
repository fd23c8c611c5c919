import { list, ok } from '../http.ts';
import { errors } from '../errors.ts';
import { formatAdoDate } from '../dates.ts';
import type { IterationModel, ProjectModel, TeamModel } from '../model/organization.ts';
import { currentIteration, timeFrameOf } from '../model/iterations.ts';
import type { Route, RouteParams } from './route.ts';
import { projectUrl, teamApiUrl, teamUrl } from './links.ts';
import { teamDaysOffOf, workingDaysOf } from '../model/teamCalendar.ts';

function nodeUrl(organizationUrl: string, project: ProjectModel, iteration?: IterationModel): string {
  const base = `${organizationUrl}/${project.id}/_apis/wit/classificationNodes/Iterations`;
  return iteration ? `${base}/${encodeURIComponent(iteration.name)}` : base;
}

export function scopeOf(params: RouteParams): { project: ProjectModel; team: TeamModel } {
  const { project, team } = params;
  if (!project || !team) throw errors.invalidArgument('A project and a team are required.');
  return { project, team };
}

function iterationLinks(organizationUrl: string, project: ProjectModel, team: TeamModel, it: IterationModel) {
  const self = teamApiUrl(organizationUrl, project, team, `teamsettings/iterations/${it.id}`);
  return {
    self: { href: self },
    project: { href: projectUrl(organizationUrl, project) },
    team: { href: teamUrl(organizationUrl, project, team) },
    teamSettings: { href: teamApiUrl(organizationUrl, project, team, 'teamsettings') },
    teamIterations: { href: teamApiUrl(organizationUrl, project, team, 'teamsettings/iterations') },
    capacity: { href: `${self}/capacities` },
    classificationNode: { href: nodeUrl(organizationUrl, project, it) },
    teamDaysOff: { href: `${self}/teamdaysoff` },
  };
}

export const workRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/teamsettings',
    location: 'teamSettings',
    handle: ({ organizationUrl, now }, params) => {
      const { project, team } = scopeOf(params);
      const current = currentIteration(project, now);
      const self = teamApiUrl(organizationUrl, project, team, 'teamsettings');
      const visibilities: Record<string, boolean> = {};
      for (const level of project.process.portfolio)
        visibilities[level.id] = level.id !== 'Microsoft.EpicCategory';
      visibilities[project.process.requirement.id] = true;
      return ok({
        backlogIteration: {
          id: project.rootIterationId,
          name: project.name,
          path: '',
          url: nodeUrl(organizationUrl, project),
        },
        bugsBehavior: team.bugsBehavior,
        workingDays: workingDaysOf(team),
        backlogVisibilities: visibilities,
        defaultIteration: current
          ? {
              id: current.id,
              name: current.name,
              path: `\\${current.name}`,
              url: nodeUrl(organizationUrl, project, current),
            }
          : null,
        defaultIterationMacro: '@currentIteration',
        url: self,
        _links: {
          self: { href: self },
          project: { href: projectUrl(organizationUrl, project) },
          team: { href: teamUrl(organizationUrl, project, team) },
          teamIterations: { href: teamApiUrl(organizationUrl, project, team, 'teamsettings/iterations') },
          teamFieldValues: {
            href: teamApiUrl(organizationUrl, project, team, 'teamsettings/teamfieldvalues'),
          },
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/teamsettings/teamfieldvalues',
    location: 'teamFieldValues',
    handle: ({ organizationUrl }, params) => {
      const { project, team } = scopeOf(params);
      const self = teamApiUrl(organizationUrl, project, team, 'teamsettings/teamfieldvalues');
      return ok({
        field: {
          referenceName: 'System.AreaPath',
          url: `${organizationUrl}/_apis/wit/fields/System.AreaPath`,
        },
        defaultValue: team.areaPath,
        values: team.areas.map(({ value, includeChildren }) => ({ value, includeChildren })),
        url: self,
        _links: {
          self: { href: self },
          project: { href: projectUrl(organizationUrl, project) },
          team: { href: teamUrl(organizationUrl, project, team) },
        },
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    pattern: 'work/teamsettings/iterations/:id?',
    location: 'teamIterations',
    handle: ({ organizationUrl, query, now }, params) => {
      const { project, team } = scopeOf(params);
      const current = currentIteration(project, now);
      const shape = (it: IterationModel) => ({
        id: it.id,
        name: it.name,
        path: it.path,
        attributes: {
          startDate: formatAdoDate(it.startDate),
          finishDate: formatAdoDate(it.finishDate),
          timeFrame: timeFrameOf(it, current, now),
        },
        url: teamApiUrl(organizationUrl, project, team, `teamsettings/iterations/${it.id}`),
      });
      const wanted = params.values.id?.toLowerCase();
      if (wanted !== undefined) {
        const iteration = project.iterations.find((it) => it.id === wanted);
        if (!iteration)
          throw errors.notFound(
            'IterationNotFoundException',
            `VS403342: The iteration with id ${wanted} does not exist or is not a team iteration.`,
          );
        return ok({ ...shape(iteration), _links: iterationLinks(organizationUrl, project, team, iteration) });
      }
      // "Only Current is supported currently": any other timeframe lists every team iteration.
      const wantCurrent = query.get('$timeframe')?.toLowerCase() === 'current';
      const iterations = project.iterations.filter((it) => !wantCurrent || it === current);
      return list(iterations.map(shape));
    },
  },
  {
    methods: ['GET'],
    scope: 'team',
    // Teamdaysoff - Get: { daysOff: [{ start, end }] }, dates at midnight UTC, inside the sprint's dates.
    // learn.microsoft.com/rest/api/azure/devops/work/teamdaysoff/get?view=azure-devops-rest-7.1
    pattern: 'work/teamsettings/iterations/:id/teamdaysoff',
    location: 'teamDaysOff',
    handle: ({ organizationUrl }, params) => {
      const { project, team } = scopeOf(params);
      const wanted = params.values.id?.toLowerCase();
      const iteration = project.iterations.find((it) => it.id === wanted);
      if (!iteration)
        throw errors.notFound(
          'IterationNotFoundException',
          `VS403342: The iteration with id ${wanted ?? ''} does not exist or is not a team iteration.`,
        );
      const self = teamApiUrl(organizationUrl, project, team, `teamsettings/iterations/${iteration.id}`);
      return ok({
        daysOff: teamDaysOffOf(iteration).map((range) => ({
          start: formatAdoDate(range.start),
          end: formatAdoDate(range.end),
        })),
        url: `${self}/teamdaysoff`,
        _links: {
          self: { href: `${self}/teamdaysoff` },
          project: { href: projectUrl(organizationUrl, project) },
          team: { href: teamUrl(organizationUrl, project, team) },
          iteration: { href: self },
          capacity: { href: `${self}/capacities` },
        },
      });
    },
  },
];
