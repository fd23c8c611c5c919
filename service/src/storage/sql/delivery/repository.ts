import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
} from '../../../domain/delivery.ts';
import {
  DEFAULT_BUG_TYPES,
  DEFAULT_INCIDENT_RULE,
  type BuildChangesQuery,
  type BranchCommitRow,
  type BuildRow,
  type CommitRow,
  type DeliveryRecords,
  type DeliveryRepository,
  type DeliveryRowCounts,
  type DeploymentRow,
  type IncidentBuilder,
  type IncidentRule,
  type ProjectScope,
  type PullRequestCommitRow,
  type PullRequestKey,
  type PullRequestRow,
} from '../../delivery/repository.ts';
import type { PageSource } from '../../repository.ts';
import { rawPageIdFor } from '../rawPages.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';
import { readBugWorkItemIds, readIncidents } from './incidents.ts';
import {
  countDeliveryRows,
  readAnsweredBuildChangeQueries,
  readBranchCommits,
  readBuildCommits,
  readChanges,
  readDeployedBranches,
  readDeployments,
} from './reads.ts';
import {
  writeBuildChanges,
  writeBuilds,
  writeCommits,
  writeDeployments,
  writePullRequestCommits,
  writePullRequests,
  type WriteTarget,
} from './writes.ts';

/** Delivery rows in the same database (and raw_pages table) as SqlRepository. */
export class SqlDeliveryRepository implements DeliveryRepository {
  constructor(
    private readonly database: SqlDatabase,
    private readonly buildIncidents: IncidentBuilder,
  ) {}

  /** The raw page (unless stored earlier) and its rows, in one transaction. */
  private apply(
    organization: string,
    page: PageSource,
    write: (target: WriteTarget) => Promise<void>,
  ): Promise<number> {
    return this.database.transaction(async (executor) => {
      const rawPageId = await rawPageIdFor(executor, organization, page);
      await write({ executor, organization, rawPageId });
      return rawPageId;
    });
  }

  applyBuildsPage(organization: string, page: PageSource, builds: readonly BuildRow[]): Promise<number> {
    return this.apply(organization, page, (target) => writeBuilds(target, builds));
  }

  applyDeploymentsPage(
    organization: string,
    page: PageSource,
    deployments: readonly DeploymentRow[],
  ): Promise<number> {
    return this.apply(organization, page, (target) => writeDeployments(target, deployments));
  }

  applyPullRequestsPage(
    organization: string,
    page: PageSource,
    pullRequests: readonly PullRequestRow[],
  ): Promise<number> {
    return this.apply(organization, page, (target) => writePullRequests(target, pullRequests));
  }

  applyPullRequestCommitsPage(
    organization: string,
    page: PageSource,
    pullRequest: PullRequestKey,
    commits: readonly PullRequestCommitRow[],
  ): Promise<number> {
    return this.apply(organization, page, (target) => writePullRequestCommits(target, pullRequest, commits));
  }

  applyCommitsPage(organization: string, page: PageSource, commits: readonly CommitRow[]): Promise<number> {
    return this.apply(organization, page, (target) => writeCommits(target, commits));
  }

  applyBuildChangesPage(
    organization: string,
    page: PageSource,
    query: BuildChangesQuery,
    commitShas: readonly string[],
  ): Promise<number> {
    return this.apply(organization, page, (target) => writeBuildChanges(target, query, commitShas));
  }

  listDeployments(organization: string, projects?: ProjectScope): Promise<DeploymentRecord[]> {
    return readDeployments(this.database, organization, projects);
  }

  listChanges(organization: string, projects?: ProjectScope): Promise<ChangeRecord[]> {
    return readChanges(this.database, organization, projects);
  }

  listBuildCommits(organization: string): Promise<BuildCommitsRecord[]> {
    return readBuildCommits(this.database, organization);
  }

  listBranchCommits(organization: string): Promise<BranchCommitRow[]> {
    return readBranchCommits(this.database, organization);
  }

  listIncidents(
    organization: string,
    projects?: ProjectScope,
    rule: IncidentRule = DEFAULT_INCIDENT_RULE,
  ): Promise<IncidentRecord[]> {
    return readIncidents(this.database, organization, projects, rule, this.buildIncidents);
  }

  listBugWorkItemIds(
    organization: string,
    projects?: ProjectScope,
    bugTypes: readonly string[] = DEFAULT_BUG_TYPES,
  ): Promise<Set<number>> {
    return readBugWorkItemIds(this.database, organization, projects, bugTypes);
  }

  async readDeliveryRecords(
    organization: string,
    options: { projects?: ProjectScope; incidentRule?: IncidentRule; bugTypes?: readonly string[] } = {},
  ): Promise<DeliveryRecords> {
    const { projects } = options;
    return {
      deployments: await this.listDeployments(organization, projects),
      changes: await this.listChanges(organization, projects),
      buildCommits: await this.listBuildCommits(organization),
      incidents: await this.listIncidents(organization, projects, options.incidentRule),
      bugWorkItemIds: await this.listBugWorkItemIds(organization, projects, options.bugTypes),
    };
  }

  answeredBuildChangeQueries(organization: string): Promise<Set<string>> {
    return readAnsweredBuildChangeQueries(this.database, organization);
  }

  deployedBranches(organization: string): Promise<Map<string, string[]>> {
    return readDeployedBranches(this.database, organization);
  }

  countDeliveryRows(organization: string): Promise<DeliveryRowCounts> {
    return countDeliveryRows(this.database, organization);
  }
}
