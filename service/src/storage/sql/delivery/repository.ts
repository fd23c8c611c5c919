import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
  DeploymentRowSelector,
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
  type IncidentCandidate,
  type IncidentLinksRow,
  type IncidentRule,
  type ProjectScope,
  type PullRequestLinkCounts,
  type PullRequestCommitRow,
  type PullRequestKey,
  type PullRequestRow,
} from '../../delivery/repository.ts';
import type { LinkedDeliveryInput } from '../../delivery/linkedInput.ts';
import type { PageSource } from '../../repository.ts';
import { rawPageIdFor } from '../rawPages.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';
import {
  readBugWorkItemIds,
  readIncidentCandidates,
  readIncidents,
  readWorkItemProjects,
} from './incidents.ts';
import {
  buildProjects,
  pullRequestProject,
  rowProjects,
  touchDelivery,
  workItemProjects,
} from './versions.ts';
import {
  readCurrentLinkedInput,
  readDeliveryDataVersion,
  readLinkedInputVersion,
  writeLinkedInput,
} from './linkedInputs.ts';
import { readKnownCommits, readPullRequestLinkCounts } from './pullRequestLinks.ts';
import { readBuildCommits, readChanges } from './changeReads.ts';
import {
  countDeliveryRows,
  readAnsweredBuildChangeQueries,
  readBranchCommits,
  readDeployedBranches,
  readDeployments,
} from './reads.ts';
import {
  writeBuildChanges,
  writeBuilds,
  writeCommits,
  writeDeployments,
  writeIncidentLinks,
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

  /** The raw page (unless stored earlier), its rows and the changed projects' data versions, in one transaction. */
  private apply(
    organization: string,
    page: PageSource,
    write: (target: WriteTarget) => Promise<void>,
    projects: Parameters<typeof touchDelivery>[2],
  ): Promise<number> {
    return this.database.transaction(async (executor) => {
      const rawPageId = await rawPageIdFor(executor, organization, page);
      await write({ executor, organization, rawPageId });
      await touchDelivery(executor, organization, projects);
      return rawPageId;
    });
  }

  applyBuildsPage(organization: string, page: PageSource, builds: readonly BuildRow[]): Promise<number> {
    return this.apply(
      organization,
      page,
      (target) => writeBuilds(target, builds),
      buildProjects(
        builds.map((build) => build.project),
        builds.map((build) => build.id),
      ),
    );
  }

  applyDeploymentsPage(
    organization: string,
    page: PageSource,
    deployments: readonly DeploymentRow[],
  ): Promise<number> {
    return this.apply(
      organization,
      page,
      (target) => writeDeployments(target, deployments),
      rowProjects(deployments),
    );
  }

  applyPullRequestsPage(
    organization: string,
    page: PageSource,
    pullRequests: readonly PullRequestRow[],
  ): Promise<number> {
    return this.apply(
      organization,
      page,
      (target) => writePullRequests(target, pullRequests),
      rowProjects(pullRequests),
    );
  }

  applyPullRequestCommitsPage(
    organization: string,
    page: PageSource,
    pullRequest: PullRequestKey,
    commits: readonly PullRequestCommitRow[],
  ): Promise<number> {
    return this.apply(
      organization,
      page,
      (target) => writePullRequestCommits(target, pullRequest, commits),
      pullRequestProject(pullRequest),
    );
  }

  applyCommitsPage(organization: string, page: PageSource, commits: readonly CommitRow[]): Promise<number> {
    return this.apply(organization, page, (target) => writeCommits(target, commits), rowProjects(commits));
  }

  applyBuildChangesPage(
    organization: string,
    page: PageSource,
    query: BuildChangesQuery,
    commitShas: readonly string[],
  ): Promise<number> {
    return this.apply(
      organization,
      page,
      (target) => writeBuildChanges(target, query, commitShas),
      buildProjects([query.project], [query.toBuildId]),
    );
  }

  applyIncidentLinksPage(
    organization: string,
    page: PageSource,
    links: readonly IncidentLinksRow[],
  ): Promise<number> {
    return this.apply(
      organization,
      page,
      (target) => writeIncidentLinks(target, links),
      workItemProjects(links.map((link) => link.workItemId)),
    );
  }

  knownCommits(organization: string, repository: string, shas: readonly string[]): Promise<Set<string>> {
    return readKnownCommits(this.database, organization, repository, shas);
  }

  workItemProjects(organization: string): Promise<string[]> {
    return readWorkItemProjects(this.database, organization);
  }

  incidentCandidates(
    organization: string,
    workItemTypes: readonly string[],
    from: number | undefined,
  ): Promise<IncidentCandidate[]> {
    return readIncidentCandidates(this.database, organization, workItemTypes, from);
  }

  pullRequestLinkCounts(
    organization: string,
    project: string,
    repositories: readonly string[],
    window: { from: number; to: number },
  ): Promise<PullRequestLinkCounts> {
    return readPullRequestLinkCounts(this.database, organization, project, repositories, window);
  }

  listDeployments(organization: string, projects?: ProjectScope): Promise<DeploymentRecord[]> {
    return readDeployments(this.database, organization, projects);
  }

  listChanges(organization: string, projects?: ProjectScope): Promise<ChangeRecord[]> {
    return readChanges(this.database, organization, projects);
  }

  listBuildCommits(organization: string, projects?: ProjectScope): Promise<BuildCommitsRecord[]> {
    return readBuildCommits(this.database, organization, projects);
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
    // Independent reads: PostgreSQL answers them on several pooled connections at once.
    const [deployments, changes, buildCommits, incidents, bugWorkItemIds] = await Promise.all([
      this.listDeployments(organization, projects),
      this.listChanges(organization, projects),
      this.listBuildCommits(organization, projects),
      this.listIncidents(organization, projects, options.incidentRule),
      this.listBugWorkItemIds(organization, projects, options.bugTypes),
    ]);
    return { deployments, changes, buildCommits, incidents, bugWorkItemIds };
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

  deliveryDataVersion(organization: string, project: string): Promise<number> {
    return readDeliveryDataVersion(this.database, organization, project);
  }

  linkedInputVersion(organization: string, project: string): Promise<number | undefined> {
    return readLinkedInputVersion(this.database, organization, project);
  }

  saveLinkedInput(organization: string, project: string, input: LinkedDeliveryInput): Promise<void> {
    return writeLinkedInput(this.database, organization, project, input);
  }

  readLinkedInput(
    organization: string,
    project: string,
    select?: DeploymentRowSelector,
  ): Promise<LinkedDeliveryInput | undefined> {
    return readCurrentLinkedInput(this.database, organization, project, select);
  }
}
