import { AdoHttpError } from '../../../ado/http/retry.ts';
import { consecutiveProductionBuilds, type ProductionBuildPair } from '../../../metrics/delivery/linkage.ts';
import {
  DEFAULT_PRODUCTION_RULE,
  selectProductionDeployments,
  type ProductionRule,
  type ProductionRules,
} from '../../../metrics/delivery/production.ts';
import type { DeploymentRecord } from '../../../domain/delivery.ts';
import { buildChangesQueryKey, type DeliveryRepository } from '../../../storage/delivery/repository.ts';
import { applyBuildChangesBody } from '../../normalise/delivery/pages.ts';
import {
  branchesStoredUntil,
  pullRequestsWatermarkSchema,
  readWatermark,
} from '../../normalise/delivery/watermarks.ts';
import { BranchHistory, type BuildSource } from '../../normalise/delivery/derivedBuildChanges.ts';
import { storeLinkedInputs } from '../../normalise/delivery/linkedInputs.ts';
import type { StreamContext, StreamResult, SyncStream } from '../../stream.ts';
import { BUILDS_STREAM } from './builds.ts';
import {
  headerPages,
  pathWithQuery,
  projectSegment,
  requireDelivery,
  storePage,
  valueCount,
} from './shared.ts';
import { eachConcurrently, PER_PARENT_CONCURRENCY } from '../eachConcurrently.ts';
import { ENVIRONMENTS_STREAM } from './environmentDeployments.ts';
import { CHANGES_STREAM } from './pullRequests.ts';
import { RELEASES_STREAM } from './releaseDeployments.ts';

export const DEPLOYMENT_CHANGES_STREAM = 'build.deploymentChanges';

/** The most changes one `build/changes?fromBuildId&toBuildId` answer holds (the reported ceiling). */
export const MAX_CHANGES_BETWEEN_BUILDS = 200;

interface Question extends ProductionBuildPair {
  project: string;
}

/**
 * Which commits each production deployment brought. For consecutive successful production deployments
 * of a pipeline, derived from the branch history the changes stream stored, where that is exact (see
 * derivedBuildChanges.ts), else `build/changes?fromBuildId&toBuildId`; for a pipeline's first,
 * `builds/{id}/changes`. A derived answer is stored as a page of its own, so it keeps provenance and
 * `resync --from-raw` replays it like a fetched one.
 * Every question is asked once: the answered ones are stored (their last page marks them), so this
 * stream needs no watermark. Production is each project's own mark (its delivery settings, by default
 * /prod/i); when a project changes its mark, the questions of newly marked deployments are asked next run.
 */
export async function collectDeploymentChanges(context: StreamContext): Promise<StreamResult> {
  const delivery = requireDelivery(context, DEPLOYMENT_CHANGES_STREAM);
  const deployments = await delivery.listDeployments(context.organization);
  const result = await collectChangesBetween(context, delivery, deployments);
  // The run's last delivery rows are in: link each changed project once, for the views (linkedInputs.ts).
  // Only a shortcut for the views (they link the records themselves without it): a failure is logged.
  const projects = deployments.map((deployment) => deployment.project);
  try {
    const linked = await storeLinkedInputs(delivery, context.organization, projects);
    if (linked > 0)
      context.logger.info('linked inputs stored', { organization: context.organization, projects: linked });
  } catch (error) {
    context.logger.warn('linked inputs not stored; views link the records', {
      organization: context.organization,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return result;
}

async function collectChangesBetween(
  context: StreamContext,
  delivery: DeliveryRepository,
  deployments: readonly DeploymentRecord[],
): Promise<StreamResult> {
  const { organization, logger } = context;
  const selection = selectProductionDeployments(deployments, await productionRulesOf(context, deployments));
  if (selection.status !== 'ok') return { pages: 0, items: 0 };
  const builds = new Map<number, { project: string; source: BuildSource }>(
    deployments.flatMap((d) =>
      d.buildId === null
        ? []
        : [
            [
              d.buildId,
              {
                project: d.project,
                source: { repository: d.repository, branch: d.sourceBranch, sha: d.sourceVersion },
              },
            ],
          ],
    ),
  );
  const answered = await delivery.answeredBuildChangeQueries(organization);
  const questions: Question[] = consecutiveProductionBuilds(selection.deployments)
    .filter((pair) => !answered.has(buildChangesQueryKey(pair.fromBuildId, pair.toBuildId)))
    .map((pair) => ({ ...pair, project: builds.get(pair.toBuildId)?.project ?? '' }));
  const history = questions.some((question) => question.fromBuildId !== null)
    ? await branchHistory(context, delivery)
    : undefined;
  let pages = 0;
  let items = 0;
  let derived = 0;
  await eachConcurrently(questions, PER_PARENT_CONCURRENCY, async (question) => {
    const commits =
      history === undefined ? undefined : await deriveAnswer(context, delivery, history, builds, question);
    if (commits !== undefined) {
      derived += 1;
      items += commits;
      await context.progress.page(commits);
      return;
    }
    const answer = await answerQuestion(context, delivery, question);
    pages += answer.pages;
    items += answer.commits;
    await context.progress.page(answer.commits);
    if (answer.truncated) {
      logger.warn('changes between builds may be cut at the service ceiling', {
        organization,
        fromBuildId: question.fromBuildId,
        toBuildId: question.toBuildId,
      });
    }
  });
  if (questions.length > 0) {
    logger.info('changes between production deployments', {
      organization,
      questions: questions.length,
      derivedFromBranchHistory: derived,
      askedAzureDevOps: questions.length - derived,
    });
  }
  // Only fetched pages count: derived answers cost Azure DevOps nothing.
  return { pages, items };
}

/** The stored branch commits, and how far each branch is stored completely (the changes stream's watermark). */
async function branchHistory(context: StreamContext, delivery: DeliveryRepository): Promise<BranchHistory> {
  const watermark =
    readWatermark(
      CHANGES_STREAM,
      pullRequestsWatermarkSchema,
      await context.repository.getWatermark(context.organization, CHANGES_STREAM),
    ) ?? {};
  return new BranchHistory(
    await delivery.listBranchCommits(context.organization),
    branchesStoredUntil(watermark),
  );
}

/** Stores the derived answer as a `build.changes` page and returns its commit count; undefined to ask. */
async function deriveAnswer(
  context: StreamContext,
  delivery: DeliveryRepository,
  history: BranchHistory,
  builds: ReadonlyMap<number, { source: BuildSource }>,
  question: Question,
): Promise<number | undefined> {
  if (question.fromBuildId === null) return undefined;
  const from = builds.get(question.fromBuildId)?.source;
  const to = builds.get(question.toBuildId)?.source;
  if (from === undefined || to === undefined) return undefined;
  const answer = history.changesBetween(from, to);
  if (answer.kind === 'ask') return undefined;
  const url = pathWithQuery('derived:git.commits', {
    repository: answer.repository,
    branch: answer.branch,
    fromCommit: from.sha ?? undefined,
    toCommit: to.sha ?? undefined,
  });
  await storePage(
    delivery,
    context.organization,
    'build.changes',
    { url, requestToken: null, responseToken: null },
    {
      project: question.project,
      fromBuildId: question.fromBuildId,
      toBuildId: question.toBuildId,
      complete: true,
      derivedFrom: 'git.commits',
    },
    { count: answer.shas.length, value: answer.shas.map((sha) => ({ id: sha, type: 'TfsGit' })) },
    applyBuildChangesBody,
  );
  return answer.shas.length;
}

/** The production mark of every project with deployments, read once per run. */
async function productionRulesOf(
  context: StreamContext,
  deployments: readonly DeploymentRecord[],
): Promise<ProductionRules> {
  const byProject = new Map<string, ProductionRule>();
  const ruleOf = context.productionRule;
  if (ruleOf !== undefined) {
    for (const project of new Set(deployments.map((deployment) => deployment.project))) {
      byProject.set(project, await ruleOf(project));
    }
  }
  return { default: DEFAULT_PRODUCTION_RULE, byProject };
}

async function answerQuestion(
  context: StreamContext,
  delivery: DeliveryRepository,
  question: Question,
): Promise<{ pages: number; commits: number; truncated: boolean }> {
  const { organization, connection } = context;
  const build = `${projectSegment(question.project)}/_apis/build`;
  const base = {
    project: question.project,
    fromBuildId: question.fromBuildId,
    toBuildId: question.toBuildId,
  };
  if (question.fromBuildId !== null) {
    const url = pathWithQuery(`${build}/changes`, {
      fromBuildId: question.fromBuildId,
      toBuildId: question.toBuildId,
      $top: MAX_CHANGES_BETWEEN_BUILDS,
      'api-version': '7.1-preview.2',
    });
    try {
      const response = await connection.getJson(url);
      const { shas } = await storePage(
        delivery,
        organization,
        'build.changes',
        { url, requestToken: null, responseToken: null },
        { ...base, complete: true },
        response.body,
        applyBuildChangesBody,
      );
      return {
        pages: 1,
        commits: shas.length,
        truncated: valueCount(response.body) >= MAX_CHANGES_BETWEEN_BUILDS,
      };
    } catch (error) {
      if (!(error instanceof AdoHttpError) || (error.status !== 400 && error.status !== 404)) throw error;
      // 400: builds of different branches or repositories; 404: a build retention deleted. The
      // deployed build's own changes (since its previous build) are then the best evidence left.
    }
  }
  let pages = 0;
  let commits = 0;
  try {
    for await (const page of headerPages(connection, `${build}/builds/${question.toBuildId}/changes`, {
      $top: Math.min(context.maxPageSize ?? MAX_CHANGES_BETWEEN_BUILDS, MAX_CHANGES_BETWEEN_BUILDS),
      'api-version': '7.1',
    })) {
      const { shas } = await storePage(
        delivery,
        organization,
        'build.changes',
        page,
        { ...base, complete: page.responseToken === null },
        page.body,
        applyBuildChangesBody,
      );
      pages += 1;
      commits += shas.length;
    }
  } catch (error) {
    if (!(error instanceof AdoHttpError) || error.status !== 404) throw error;
    const url = `${build}/builds/${question.toBuildId}/changes`;
    await storePage(
      delivery,
      organization,
      'build.changes',
      { url, requestToken: null, responseToken: null },
      { ...base, complete: true, unavailable: `HTTP 404: build ${question.toBuildId} no longer exists` },
      { count: 0, value: [] },
      applyBuildChangesBody,
    );
    pages += 1;
  }
  return { pages, commits, truncated: false };
}

export const deploymentChangesStream: SyncStream = {
  name: DEPLOYMENT_CHANGES_STREAM,
  access: { scopes: ['vso.build', 'vso.code'], feature: 'delivery' },
  needsDelivery: true,
  // After the changes stream too: its branch history answers most questions without a request.
  after: [BUILDS_STREAM, ENVIRONMENTS_STREAM, RELEASES_STREAM, CHANGES_STREAM],
  run: collectDeploymentChanges,
};
