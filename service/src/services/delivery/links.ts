/** Links from delivery records into the Azure DevOps web UI of the record's project. */
import type { ChangeRecord, DeploymentRecord } from '../../domain/delivery.ts';

export interface DeliveryLinks {
  buildResults(project: string, buildId: number): string;
  releaseProgress(project: string, releaseId: number): string;
  pullRequest(project: string, repository: string, pullRequestId: number): string;
  commit(project: string, repository: string, sha: string): string;
  workItem(project: string, workItemId: number): string;
  /** The change itself: its pull request, or its commit. */
  change(change: ChangeRecord): string;
  /** A classic release's progress, else the deployed run's results; null when neither is known. */
  deployment(deployment: DeploymentRecord): string | null;
}

export function deliveryLinks(organizationUrl: string): DeliveryLinks {
  const base = organizationUrl.replace(/\/+$/, '');
  const at = (project: string) => `${base}/${encodeURIComponent(project)}`;
  const git = (project: string, repository: string) =>
    `${at(project)}/_git/${encodeURIComponent(repository)}`;
  const links: DeliveryLinks = {
    buildResults: (project, buildId) => `${at(project)}/_build/results?buildId=${buildId}`,
    releaseProgress: (project, releaseId) => `${at(project)}/_releaseProgress?releaseId=${releaseId}`,
    pullRequest: (project, repository, id) => `${git(project, repository)}/pullrequest/${id}`,
    commit: (project, repository, sha) => `${git(project, repository)}/commit/${encodeURIComponent(sha)}`,
    workItem: (project, id) => `${at(project)}/_workitems/edit/${id}`,
    change: (change) =>
      change.kind === 'pullRequest'
        ? links.pullRequest(change.project, change.repository, change.pullRequestId)
        : links.commit(change.project, change.repository, change.sha),
    deployment(deployment) {
      if (deployment.releaseId !== null)
        return links.releaseProgress(deployment.project, deployment.releaseId);
      if (deployment.buildId !== null) return links.buildResults(deployment.project, deployment.buildId);
      return null;
    },
  };
  return links;
}
