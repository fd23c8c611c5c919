import { z } from 'zod';
import type { DeliveryRepository } from '../../../storage/delivery/repository.ts';
import type { PageSource, RawPage } from '../../../storage/repository.ts';
import { parseListPage, recordKey, sortRecords, sortSingleRecord, withQuarantine } from '../quarantine.ts';
import { buildChangeSchema, buildSchema, toBuildRow, toCommitShas } from './builds.ts';
import { environmentRecordSchema, toEnvironmentDeployment } from './environments.ts';
import {
  completedPullRequestSchema,
  gitCommitSchema,
  pullRequestCommitSchema,
  toCommitRows,
  toPullRequestCommits,
  toPullRequestRow,
} from './git.ts';
import { toIncidentLinks, workItemRelationsResponseSchema } from './incidentLinks.ts';
import { parsePage, wrappedPage } from './parse.ts';
import { pushCommitsResponseSchema, pushesResponseSchema, toPushedCommitRows } from './pushes.ts';
import { classicDeploymentSchema, toClassicDeployment } from './releases.ts';

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
  'git.pushes',
  'git.pushCommits',
  'wit.incidentRelations',
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
export const pushCommitsContext = commitsContext.extend({ pushId: z.number().int().positive() });

export async function applyBuildsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const page = parseListPage('build.builds', project, body);
  const { records: builds, quarantined } = sortRecords(page.response.value, buildSchema, (build) =>
    toBuildRow(page.context.project, build),
  );
  const quarantinedSource = withQuarantine(source, 'build.builds', quarantined);
  return { rawPageId: await delivery.applyBuildsPage(organization, quarantinedSource, builds), builds };
}

export async function applyEnvironmentRecordsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const kind = 'distributedtask.environmentDeploymentRecords';
  const page = parseListPage(kind, environmentRecordsContext, body);
  const { records, quarantined } = sortRecords(page.response.value, environmentRecordSchema, (record) => ({
    deployment: toEnvironmentDeployment(page.context, record),
    id: record.id,
  }));
  const deployments = records.map((record) => record.deployment);
  return {
    rawPageId: await delivery.applyDeploymentsPage(
      organization,
      withQuarantine(source, kind, quarantined),
      deployments,
    ),
    deployments,
    ids: records.map((record) => record.id),
  };
}

export async function applyReleaseDeploymentsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const kind = 'release.deployments';
  const page = parseListPage(kind, project, body);
  const { records: deployments, quarantined } = sortRecords(
    page.response.value,
    classicDeploymentSchema,
    (deployment) => toClassicDeployment(page.context.project, deployment),
  );
  const quarantinedSource = withQuarantine(source, kind, quarantined);
  return {
    rawPageId: await delivery.applyDeploymentsPage(organization, quarantinedSource, deployments),
    deployments,
  };
}

export async function applyPullRequestsBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const kind = 'git.pullRequests';
  const page = parseListPage(kind, project, body);
  const { records: pullRequests, quarantined } = sortRecords(
    page.response.value,
    completedPullRequestSchema,
    toPullRequestRow,
  );
  const quarantinedSource = withQuarantine(source, kind, quarantined);
  return {
    rawPageId: await delivery.applyPullRequestsPage(organization, quarantinedSource, pullRequests),
    pullRequests,
  };
}

export async function applyBuildChangesBody(
  delivery: DeliveryRepository,
  organization: string,
  source: PageSource,
  body: unknown,
) {
  const kind = 'build.changes';
  const page = parseListPage(kind, buildChangesContext, body);
  const { records: changes, quarantined } = sortRecords(
    page.response.value,
    buildChangeSchema,
    (change) => change,
  );
  const shas = toCommitShas({ value: changes });
  const { project: projectName, fromBuildId, toBuildId, complete } = page.context;
  const query = { project: projectName, fromBuildId, toBuildId, complete };
  const quarantinedSource = withQuarantine(source, kind, quarantined);
  return {
    rawPageId: await delivery.applyBuildChangesPage(organization, quarantinedSource, query, shas),
    shas,
  };
}

export const DELIVERY_PAGE_NORMALISERS: Record<DeliveryPageKind, DeliveryNormaliser> = {
  'build.builds': async (...args) => (await applyBuildsBody(...args)).rawPageId,
  'build.changes': async (...args) => (await applyBuildChangesBody(...args)).rawPageId,
  'distributedtask.environmentDeploymentRecords': async (...args) =>
    (await applyEnvironmentRecordsBody(...args)).rawPageId,
  'release.deployments': async (...args) => (await applyReleaseDeploymentsBody(...args)).rawPageId,
  'git.pullRequests': async (...args) => (await applyPullRequestsBody(...args)).rawPageId,
  'git.pullRequest': (delivery, organization, source, body) => {
    const kind = 'git.pullRequest';
    const page = parsePage(kind, wrappedPage(project, z.unknown()), body);
    const { record, quarantined } = sortSingleRecord(
      page.response,
      completedPullRequestSchema,
      recordKey(page.response, 0),
    );
    return delivery.applyPullRequestsPage(
      organization,
      withQuarantine(source, kind, quarantined),
      record === undefined ? [] : [toPullRequestRow(record)],
    );
  },
  'git.pullRequestCommits': (delivery, organization, source, body) => {
    const kind = 'git.pullRequestCommits';
    const page = parseListPage(kind, pullRequestCommitsContext, body);
    const { records, quarantined } = sortRecords(
      page.response.value,
      pullRequestCommitSchema,
      (commit) => commit,
    );
    const key = {
      repository: page.context.repository.toLowerCase(),
      pullRequestId: page.context.pullRequestId,
    };
    return delivery.applyPullRequestCommitsPage(
      organization,
      withQuarantine(source, kind, quarantined),
      key,
      toPullRequestCommits({ value: records }),
    );
  },
  'git.commits': (delivery, organization, source, body) => {
    const kind = 'git.commits';
    const page = parseListPage(kind, commitsContext, body);
    const { records, quarantined } = sortRecords(page.response.value, gitCommitSchema, (commit) => commit);
    return delivery.applyCommitsPage(
      organization,
      withQuarantine(source, kind, quarantined),
      toCommitRows(page.context, { value: records }),
    );
  },
  // A pushes list only decides which pushes' commits to ask for; it is kept for provenance.
  'git.pushes': (delivery, organization, source, body) => {
    parsePage('git.pushes', wrappedPage(commitsContext, pushesResponseSchema), body);
    return delivery.applyCommitsPage(organization, source, []);
  },
  'git.pushCommits': async (delivery, organization, source, body) => {
    const kind = 'git.pushCommits';
    const page = parseListPage(kind, pushCommitsContext, body);
    const { records, quarantined } = sortRecords(
      page.response.value,
      pushCommitsResponseSchema.shape.value.element,
      (commit) => commit,
    );
    const rows = toPushedCommitRows(page.context, { value: records });
    const known = await delivery.knownCommits(
      organization,
      page.context.repository,
      rows.map((row) => row.sha),
    );
    return delivery.applyCommitsPage(
      organization,
      withQuarantine(source, kind, quarantined),
      rows.filter((row) => !known.has(row.sha)),
    );
  },
  'wit.incidentRelations': (delivery, organization, source, body) => {
    const kind = 'wit.incidentRelations';
    const page = parseListPage(kind, z.object({}), body);
    const { records, quarantined } = sortRecords(
      page.response.value,
      workItemRelationsResponseSchema.shape.value.element,
      (item) => item,
    );
    return delivery.applyIncidentLinksPage(
      organization,
      withQuarantine(source, kind, quarantined),
      toIncidentLinks({ value: records }),
    );
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
