import type { OrganizationModel } from '../model/organization.ts';
import type { CommitModel } from '../delivery/model.ts';
import { commitPhrase } from '../delivery/catalog.ts';
import { commitSha, date, identity, projectOf, repositoryUrl } from './common.ts';

/** The commit message: squash merges name their pull request; work item mentions end with #id. */
export function commitMessage(model: OrganizationModel, commit: CommitModel): string {
  const mentions = commit.workItems.map((id) => ` #${id}`).join('');
  if (commit.onMain && commit.pullRequest !== 0) {
    const pullRequest = model.delivery.pullRequests[commit.pullRequest - 1];
    return `Merged PR ${commit.pullRequest}: ${pullRequest?.title ?? 'change'}${mentions}`;
  }
  return `${commitPhrase(commit.flavor)}${mentions}`;
}

/** A build Change (a Git commit) as `builds/{id}/changes` and `build/changes` return it. */
export function changePayload(
  organizationUrl: string,
  model: OrganizationModel,
  commit: CommitModel,
): Record<string, unknown> {
  const repository = model.delivery.repositories[commit.repository];
  const project = projectOf(model, repository?.projectIndex ?? 0);
  const sha = commitSha(model, commit);
  const author = identity(model, organizationUrl, commit.author, project);
  return {
    id: sha,
    message: commitMessage(model, commit),
    type: 'TfsGit',
    author: {
      displayName: author.displayName,
      id: author.id,
      uniqueName: author.uniqueName,
      url: author.url,
      imageUrl: author.imageUrl,
    },
    timestamp: date(commit.commitTime),
    location: repository ? `${repositoryUrl(organizationUrl, project, repository)}/commits/${sha}` : '',
    messageTruncated: false,
    displayUri: repository
      ? `${organizationUrl}/${encodeURIComponent(project.name)}/_git/${repository.name}/commit/${sha}`
      : '',
    pusher: author.uniqueName,
  };
}
