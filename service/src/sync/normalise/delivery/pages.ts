import { z } from 'zod';
import type { DeliveryRepository } from '../../../storage/delivery/repository.ts';
import type { PageSource, RawPage } from '../../../storage/repository.ts';
import { buildChangesResponseSchema, buildsResponseSchema, toBuildRow, toCommitShas } from './builds.ts';
import { environmentRecordsResponseSchema, toEnvironmentDeployment } from './environments.ts';
import {
  commitsResponseSchema,
  completedPullRequestSchema,
  pullRequestCommitsResponseSchema,
  pullRequestsResponseSchema,
  toCommitRows,
  toPullRequestCommits,
  toPullRequestRow,
} from './git.ts';
import { parsePage, wrappedPage } from './parse.ts';
import { classicDeploymentsResponseSchema, toClassicDeployment } from './releases.ts';

/**
 * Delivery page kinds. Every delivery page is stored wrapped as `{context, response}`: the response as
 * the service sent it, beside what the request was about (project, environment, pull request …), so
 * `resync --from-raw` re-reads each page alone, in fetch order, through the same function as the live sync.
 */
export const DELIVERY_PAGE_KINDS = [
  'build.builds',
  'build.changes',
  'distributedtask.environmentDeploymentRecords',
  'release.deployments',
  'git.pullRequests',
  'git.pullRequest',
  'git.pullRequestCommits',
  'git.commits',
] as const;
export type DeliveryPageKind = (typeof DELIVERY_PAGE_KINDS)[number];

export function isDeliveryPageKind(value: string): value is DeliveryPageKind {
  return (DELIVERY_PAGE_KINDS as readonly string[]).includes(value);
}

type DeliveryNormaliser = (
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) => Promise<number>;

const project = z.object({ project: z.string().min(1) });
export const environmentRecordsContext = project.extend({
  environment: z.object({ id: z.number().int(), name: z.string().min(1) }),
});
export const buildChangesContext = project.extend({
  fromBuildId: z.number().int().positive().nullable(),
  toBuildId: z.number().int().positive(),
  complete: z.boolean(),
  /** Set when the service could not answer (build deleted by retention …): the question is closed, empty. */
  unavailable: z.string().optional(),
});
export const pullRequestCommitsContext = project.extend({
  repository: z.string().min(1),
  pullRequestId: z.number().int().positive(),
});
export const commitsContext = project.extend({ repository: z.string().min(1), branch: z.string().min(1) });

export async function applyBuildsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const page = parsePage('build.builds', wrappedPage(project, buildsResponseSchema), body);
  const builds = page.response.value.map((build) => toBuildRow(page.context.project, build));
  return { rawPageId: await delivery.applyBuildsPage(organization, source, builds), builds };
}

export async function applyEnvironmentRecordsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const kind = 'distributedtask.environmentDeploymentRecords';
  const page = parsePage(
    kind,
    wrappedPage(environmentRecordsContext, environmentRecordsResponseSchema),
    body,
  );
  const deployments = page.response.value.map((record) => toEnvironmentDeployment(page.context, record));
  const ids = page.response.value.map((record) => record.id);
  return {
    rawPageId: await delivery.applyDeploymentsPage(organization, source, deployments),
    deployments,
    ids,
  };
}

export async function applyReleaseDeploymentsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const page = parsePage('release.deployments', wrappedPage(project, classicDeploymentsResponseSchema), body);
  const deployments = page.response.value.map((deployment) =>
    toClassicDeployment(page.context.project, deployment),
  );
  return { rawPageId: await delivery.applyDeploymentsPage(organization, source, deployments), deployments };
}

export async function applyPullRequestsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const page = parsePage('git.pullRequests', wrappedPage(project, pullRequestsResponseSchema), body);
  const pullRequests = page.response.value.map(toPullRequestRow);
  return {
    rawPageId: await delivery.applyPullRequestsPage(organization, source, pullRequests),
    pullRequests,
  };
}

export async function applyBuildChangesBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const page = parsePage('build.changes', wrappedPage(buildChangesContext, buildChangesResponseSchema), body);
  const shas = toCommitShas(page.response);
  const { project: projectName, fromBuildId, toBuildId, complete } = page.context;
  const query = { project: projectName, fromBuildId, toBuildId, complete };
  return { rawPageId: await delivery.applyBuildChangesPage(organization, source, query, shas), shas };
}

export const DELIVERY_PAGE_NORMALISERS: Record<DeliveryPageKind, DeliveryNormaliser> = {
  'build.builds': async (...args) => (await applyBuildsBody(...args)).rawPageId,
  'build.changes': async (...args) => (await applyBuildChangesBody(...args)).rawPageId,
  'distributedtask.environmentDeploymentRecords': async (...args) =>
    (await applyEnvironmentRecordsBody(...args)).rawPageId,
  'release.deployments': async (...args) => (await applyReleaseDeploymentsBody(...args)).rawPageId,
  'git.pullRequests': async (...args) => (await applyPullRequestsBody(...args)).rawPageId,
  'git.pullRequest': (delivery, organization, source, body) => {
    const page = parsePage('git.pullRequest', wrappedPage(project, completedPullRequestSchema), body);
    return delivery.applyPullRequestsPage(organization, source, [toPullRequestRow(page.response)]);
  },
  'git.pullRequestCommits': (delivery, organization, source, body) => {
    const kind = 'git.pullRequestCommits';
    const page = parsePage(
      kind,
      wrappedPage(pullRequestCommitsContext, pullRequestCommitsResponseSchema),
      body,
    );
    const key = {
      repository: page.context.repository.toLowerCase(),
      pullRequestId: page.context.pullRequestId,
    };
    return delivery.applyPullRequestCommitsPage(
      organization,
      source,
      key,
      toPullRequestCommits(page.response),
    );
  },
  'git.commits': (delivery, organization, source, body) => {
    const page = parsePage('git.commits', wrappedPage(commitsContext, commitsResponseSchema), body);
    return delivery.applyCommitsPage(organization, source, toCommitRows(page.context, page.response));
  },
};

/** What the live sync knows about the request of a page it is about to store. */
export interface DeliveryRequest {
  url: string;
  requestToken?: string | null;
  responseToken?: string | null;
  isLastBatch?: boolean;
}

/**
 * A fetched response as the raw page to store, and the body exactly as a later re-read will see it
 * (the JSON round trip), so the live path and `resync --from-raw` normalise the same thing.
 */
export function deliveryPage(
  kind: DeliveryPageKind,
  request: DeliveryRequest,
  context: Record<string, unknown>,
  response: unknown,
): { source: RawPage; body: unknown } {
  const text = JSON.stringify({ context, response });
  const value: unknown =
    typeof response === 'object' && response !== null ? Reflect.get(response, 'value') : undefined;
  return {
    source: {
      stream: kind,
      requestUrl: `GET ${request.url}`,
      requestToken: request.requestToken ?? null,
      responseToken: request.responseToken ?? null,
      isLastBatch: request.isLastBatch ?? (request.responseToken ?? null) === null,
      itemCount: Array.isArray(value) ? value.length : 1,
      body: text,
    },
    body: JSON.parse(text),
  };
}
