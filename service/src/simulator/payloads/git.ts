import type { OrganizationModel } from '../model/organization.ts';
import type { CommitModel, PullRequestModel, RepositoryModel } from '../delivery/model.ts';
import { commitMessage } from './changes.ts';
import { commitSha, date, identity, projectOf, repositoryUrl } from './common.ts';
import { workItemUrl } from '../routes/links.ts';
import { derivedGuid } from '../model/ids.ts';

export function repositoryPayload(
  organizationUrl: string,
  model: OrganizationModel,
  repository: RepositoryModel,
) {
  const project = projectOf(model, repository.projectIndex);
  const remote = `${organizationUrl}/${encodeURIComponent(project.name)}/_git/${repository.name}`;
  return {
    id: repository.id,
    name: repository.name,
    url: repositoryUrl(organizationUrl, project, repository),
    project: { id: project.id, name: project.name, state: 'wellFormed', visibility: 'private' },
    defaultBranch: 'refs/heads/main',
    size: 1_000_000 + repository.main.length * 4_096,
    remoteUrl: remote,
    sshUrl: `git@ssh.simulator.invalid:v3/${model.organizationName}/${encodeURIComponent(project.name)}/${repository.name}`,
    webUrl: remote,
    isDisabled: false,
    isInMaintenance: false,
  };
}

export function commitPayload(
  organizationUrl: string,
  model: OrganizationModel,
  commit: CommitModel,
  includeWorkItems: boolean,
) {
  const repository = model.delivery.repositories[commit.repository];
  const project = projectOf(model, repository?.projectIndex ?? 0);
  const sha = commitSha(model, commit);
  const person = model.identities[commit.author];
  const signature = (time: number) => ({
    name: person?.displayName ?? '',
    email: person?.email ?? '',
    date: date(time),
  });
  const message = commitMessage(model, commit);
  return {
    commitId: sha,
    author: signature(commit.authorTime),
    committer: signature(commit.commitTime),
    parents: parentShas(model, commit),
    comment: message,
    ...(message.length > 80 ? { commentTruncated: true } : {}),
    changeCounts: {
      Add: commit.flavor % 3,
      Edit: 1 + (commit.flavor % 7),
      Delete: commit.flavor % 11 === 0 ? 1 : 0,
    },
    url: repository ? `${repositoryUrl(organizationUrl, project, repository)}/commits/${sha}` : '',
    remoteUrl: repository
      ? `${organizationUrl}/${encodeURIComponent(project.name)}/_git/${repository.name}/commit/${sha}`
      : '',
    ...(includeWorkItems
      ? {
          workItems: commit.workItems.map((id) => ({
            id: String(id),
            url: workItemUrl(organizationUrl, id),
          })),
        }
      : {}),
  };
}

/**
 * A commit's parents: on main, the main commit before it (pull requests complete by squash, so main is
 * linear); on a pull request's branch, the commit before it in the pull request, and for its first, the
 * main commit that was the head when it was authored.
 */
function parentShas(model: OrganizationModel, commit: CommitModel): string[] {
  return parentsOf(model, commit).map((parent) => commitSha(model, parent));
}

/** A commit's parents in the model, first parent first (the simulator's ground truth of ancestry). */
export function parentsOf(model: OrganizationModel, commit: CommitModel): readonly CommitModel[] {
  if (commit.parents !== undefined) return commit.parents;
  const repository = model.delivery.repositories[commit.repository];
  if (!repository) return [];
  let parent: CommitModel | undefined;
  if (commit.onMain) parent = repository.main[commit.sequence - 1];
  else {
    const commits = model.delivery.pullRequests[commit.pullRequest - 1]?.commits ?? [];
    const before = commits[commits.indexOf(commit.sequence) - 1];
    parent =
      before === undefined ? mainHeadAt(repository.main, commit.authorTime) : repository.branch[before];
  }
  return parent === undefined ? [] : [parent];
}

/** The last main commit made at or before `time` (main is in commit-time order). */
function mainHeadAt(main: readonly CommitModel[], time: number): CommitModel | undefined {
  let low = 0;
  let high = main.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((main[middle]?.commitTime ?? Infinity) <= time) low = middle + 1;
    else high = middle;
  }
  return main[low - 1];
}

function commitRef(organizationUrl: string, model: OrganizationModel, commit: CommitModel | undefined) {
  if (!commit) return undefined;
  const repository = model.delivery.repositories[commit.repository];
  const project = projectOf(model, repository?.projectIndex ?? 0);
  const sha = commitSha(model, commit);
  return {
    commitId: sha,
    url: repository ? `${repositoryUrl(organizationUrl, project, repository)}/commits/${sha}` : '',
  };
}

/** A GitPullRequest as the list and get endpoints return it. */
export function pullRequestPayload(
  organizationUrl: string,
  model: OrganizationModel,
  pullRequest: PullRequestModel,
  detailed: boolean,
) {
  const repository = model.delivery.repositories[pullRequest.repository];
  if (!repository) return {};
  const project = projectOf(model, repository.projectIndex);
  const url = `${repositoryUrl(organizationUrl, project, repository)}/pullRequests/${pullRequest.id}`;
  const head = repository.branch[pullRequest.commits.at(-1) ?? -1];
  const targetRefName = pullRequest.targetRefName ?? 'refs/heads/main';
  const intoMain = pullRequest.targetRefName === undefined;
  const merge =
    pullRequest.mergeCommit === -1
      ? undefined
      : (intoMain ? repository.main : repository.branch)[pullRequest.mergeCommit];
  const target = intoMain
    ? repository.main[(pullRequest.mergeCommit === -1 ? repository.main.length : pullRequest.mergeCommit) - 1]
    : merge?.parents?.[0];
  const completed = pullRequest.status === 'completed';
  return {
    repository: {
      id: repository.id,
      name: repository.name,
      url: repositoryUrl(organizationUrl, project, repository),
      project: { id: project.id, name: project.name, state: 'wellFormed', visibility: 'private' },
    },
    pullRequestId: pullRequest.id,
    codeReviewId: pullRequest.id,
    status: pullRequest.status,
    createdBy: identity(model, organizationUrl, pullRequest.createdBy, project),
    creationDate: date(pullRequest.creationDate),
    ...(Number.isNaN(pullRequest.closedDate) ? {} : { closedDate: date(pullRequest.closedDate) }),
    title: pullRequest.title,
    description:
      pullRequest.hotfixFor === 0 ? `${pullRequest.title}.` : `Fixes incident #${pullRequest.hotfixFor}.`,
    sourceRefName: pullRequest.sourceRefName,
    targetRefName,
    mergeStatus: completed || pullRequest.status === 'active' ? 'succeeded' : 'notSet',
    isDraft: pullRequest.isDraft,
    mergeId: derivedGuid(model.seed, `merge:${pullRequest.id}`),
    ...(head ? { lastMergeSourceCommit: commitRef(organizationUrl, model, head) } : {}),
    ...(target ? { lastMergeTargetCommit: commitRef(organizationUrl, model, target) } : {}),
    ...(merge ? { lastMergeCommit: commitRef(organizationUrl, model, merge) } : {}),
    reviewers: pullRequest.reviewers.map(({ identity: reviewer, vote }) => {
      const ref = identity(model, organizationUrl, reviewer, project);
      return {
        reviewerUrl: `${url}/reviewers/${String(ref.id)}`,
        vote: completed ? 10 : vote,
        hasDeclined: false,
        isFlagged: false,
        ...ref,
      };
    }),
    url,
    supportsIterations: true,
    ...(completed
      ? {
          closedBy: identity(model, organizationUrl, pullRequest.closedBy, project),
          completionQueueTime: date(pullRequest.closedDate),
          completionOptions: {
            mergeStrategy: pullRequest.mergeStrategy ?? 'squash',
            deleteSourceBranch: true,
          },
        }
      : {}),
    ...(detailed
      ? {
          workItemRefs: pullRequest.workItems.map((id) => ({
            id: String(id),
            url: workItemUrl(organizationUrl, id),
          })),
        }
      : {}),
  };
}
