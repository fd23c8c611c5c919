import type { CycleTimeQuery, CycleTimeResponse, TeamPath } from '../contract/index.ts';
import { computeCycleTimes } from '../metrics/cycleTime.ts';
import { teamScopeMatcher } from '../metrics/scope.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import { NotFoundError } from './errors.ts';
import type { OrganizationDirectory } from './organizationDirectory.ts';

export interface FlowService {
  cycleTime(path: TeamPath, query: CycleTimeQuery): Promise<CycleTimeResponse>;
}

/** Reads normalised records for one team and hands them to the pure metric functions. */
export function createFlowService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
}): FlowService {
  const { repository, organizations } = dependencies;
  return {
    async cycleTime(path, query) {
      const organization = await organizations.find(path.organization);
      if (organization === undefined) {
        throw new NotFoundError(
          `Organization "${path.organization}" is not connected to this Seika service.`,
        );
      }
      const scope = await repository.getTeamScope(organization.name, path.project, path.team);
      if (scope === undefined) {
        throw new NotFoundError(
          `Team "${path.team}" in project "${path.project}" has not been synchronised yet; ` +
            'check the names or wait for the first sync to finish.',
        );
      }
      const [workflow, flowItems, syncedAt] = await Promise.all([
        repository.getWorkflow(organization.name, path.project),
        repository.getFlowItems(organization.name, path.project),
        repository.lastSuccessfulSync(organization.name),
      ]);
      const inScope = teamScopeMatcher(scope);
      const timeZone = query.timeZone ?? organization.timeZone;
      const result = computeCycleTimes({
        items: flowItems.filter((flowItem) => inScope(flowItem.item)),
        workflow,
        fromDay: query.from,
        toDay: query.to,
        timeZone,
      });
      const projectUrl = `${organization.url.replace(/\/+$/, '')}/${encodeURIComponent(path.project)}`;
      return {
        organization: organization.name,
        project: path.project,
        team: path.team,
        from: query.from,
        to: query.to,
        timeZone,
        items: result.items.map((entry) => ({
          id: entry.id,
          title: entry.title,
          workItemType: entry.workItemType,
          url: `${projectUrl}/_workitems/edit/${entry.id}`,
          startedAt: new Date(entry.startedAt).toISOString(),
          completedAt: new Date(entry.completedAt).toISOString(),
          completedOn: entry.completedOn,
          cycleTimeDays: entry.cycleTimeDays,
          cycleTimeHours: Math.round(entry.cycleTimeHours * 100) / 100,
        })),
        percentiles: result.percentiles,
        completedWithoutStart: result.completedWithoutStart,
        syncedAt: syncedAt ?? null,
      };
    },
  };
}
