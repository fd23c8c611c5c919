import { formatAdoDate } from '../dates.ts';
import { derivedGuid, derivedSha } from '../model/ids.ts';
import type { OrganizationModel, ProjectModel } from '../model/organization.ts';
import type { CommitModel, RepositoryModel } from '../delivery/model.ts';
import { identityRef, projectRef } from '../routes/links.ts';

/** What payload builders need: the model and where the simulator is reachable. */
export interface PayloadContext {
  readonly model: OrganizationModel;
  readonly organizationUrl: string;
  readonly releaseUrl: string;
}

export const date = (time: number): string | undefined =>
  Number.isNaN(time) ? undefined : formatAdoDate(new Date(time));

/** An IdentityRef; index -1 is the project's build service account (scheduled runs). */
export function identity(
  model: OrganizationModel,
  organizationUrl: string,
  index: number,
  project?: ProjectModel,
): Record<string, unknown> {
  if (index >= 0) return identityRef(model, organizationUrl, index);
  const id = derivedGuid(model.seed, `build-service:${project?.id ?? ''}`);
  return {
    displayName: `${project?.name ?? model.project.name} Build Service (${model.organizationName})`,
    url: `${organizationUrl}/_apis/Identities/${id}`,
    id,
    uniqueName: `Build\\${project?.id ?? model.project.id}`,
    imageUrl: `${organizationUrl}/_api/_common/identityImage?id=${id}`,
    descriptor: `svc.${Buffer.from(id).toString('base64url')}`,
  };
}

export function projectOf(model: OrganizationModel, index: number): ProjectModel {
  return model.projects[index] ?? model.project;
}

export function commitSha(model: OrganizationModel, commit: CommitModel): string {
  return derivedSha(
    model.seed,
    `commit:${commit.repository}:${commit.onMain ? 'm' : 'b'}:${commit.sequence}`,
  );
}

export function repositoryUrl(
  organizationUrl: string,
  project: ProjectModel,
  repository: RepositoryModel,
): string {
  return `${organizationUrl}/${project.id}/_apis/git/repositories/${repository.id}`;
}

export function repositoryRef(
  model: OrganizationModel,
  organizationUrl: string,
  repository: RepositoryModel,
): Record<string, unknown> {
  const project = projectOf(model, repository.projectIndex);
  return {
    id: repository.id,
    name: repository.name,
    url: repositoryUrl(organizationUrl, project, repository),
    project: projectRef(organizationUrl, project),
  };
}

/** Continuation-token header, present only when there is a next page (as the service sends it). */
export function continuationHeader(token: string | undefined): Record<string, string> | undefined {
  return token === undefined ? undefined : { 'x-ms-continuationtoken': token };
}

/** Time as the build and environment continuation tokens carry it: 7 fractional digits. */
export function tokenTime(time: number): string {
  return new Date(time).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}
