import { list, ok } from '../http.ts';
import type { RequestContext, RouteResult } from '../http.ts';
import { errors } from '../errors.ts';
import type { ProjectModel } from '../model/organization.ts';
import type { CommitModel, PullRequestModel, RepositoryModel } from '../delivery/model.ts';
import { commitPayload, pullRequestPayload, repositoryPayload } from '../payloads/git.ts';
import { commitSha, continuationHeader } from '../payloads/common.ts';
import type { Route, RouteParams } from './route.ts';
import { requireProject } from './build.ts';
import { listPushes, pushCommits } from './gitPushes.ts';
import { csv, dateParam, enumParam, flag, wholeNumber } from './query.ts';

/** Pull requests: `$top` defaults to 101 (an undocumented default users report) and is capped at 1000. */
export const DEFAULT_PULL_REQUESTS_TOP = 101;
export const MAX_PULL_REQUESTS_TOP = 1000;
const STATUS = { notSet: 0, active: 1, abandoned: 2, completed: 3, all: 4 } as const;
const TIME_RANGE = { created: 1, closed: 2 } as const;
const GIT = 'Microsoft.TeamFoundation.Git.Server';

function findRepository(
  context: RequestContext,
  project: ProjectModel,
  raw: string | undefined,
): RepositoryModel {
  const wanted = (raw ?? '').toLowerCase();
  const repository = context.model.delivery.repositories.find(
    (candidate) =>
      candidate.projectIndex === project.index &&
      (candidate.id === wanted || candidate.name.toLowerCase() === wanted),
  );
  if (!repository)
    throw errors.notFound(
      'GitRepositoryNotFoundException',
      `TF401019: The Git repository with name or identifier ${raw ?? ''} does not exist or you do not have permissions for the operation you are attempting.`,
      GIT,
    );
  return repository;
}

function findPullRequest(
  context: RequestContext,
  project: ProjectModel,
  raw: string | undefined,
): PullRequestModel {
  const pullRequest = context.model.delivery.pullRequests[Number(raw) - 1];
  const repository = pullRequest ? context.model.delivery.repositories[pullRequest.repository] : undefined;
  if (!pullRequest || repository?.projectIndex !== project.index)
    throw errors.notFound(
      'GitPullRequestNotFoundException',
      `TF401180: The requested pull request was not found.`,
      GIT,
    );
  return pullRequest;
}

/** searchCriteria.* filters; the time range applies to creation (default) or closing. */
function searchPullRequests(
  context: RequestContext,
  project: ProjectModel,
  repository: RepositoryModel | undefined,
): RouteResult {
  const { query, model } = context;
  const statuses = enumParam(query, 'searchCriteria.status', STATUS);
  const status = statuses ? [...statuses][0] : 'active';
  const range =
    enumParam(query, 'searchCriteria.queryTimeRangeType', TIME_RANGE)?.has('closed') === true
      ? 'closed'
      : 'created';
  const minTime = dateParam(query, 'searchCriteria.minTime');
  const maxTime = dateParam(query, 'searchCriteria.maxTime');
  const repositoryId = query.get('searchCriteria.repositoryId')?.toLowerCase();
  const creatorId = query.get('searchCriteria.creatorId')?.toLowerCase();
  const reviewerId = query.get('searchCriteria.reviewerId')?.toLowerCase();
  const sourceRef = query.get('searchCriteria.sourceRefName');
  const targetRef = query.get('searchCriteria.targetRefName');
  const skip = wholeNumber(query, '$skip') ?? 0;
  const top = Math.min(wholeNumber(query, '$top') ?? DEFAULT_PULL_REQUESTS_TOP, MAX_PULL_REQUESTS_TOP);
  const matching = model.delivery.pullRequests.filter((pullRequest) => {
    const owner = model.delivery.repositories[pullRequest.repository];
    if (!owner || owner.projectIndex !== project.index) return false;
    if (repository && owner !== repository) return false;
    if (repositoryId !== undefined && owner.id !== repositoryId) return false;
    if (status !== 'all' && status !== 'notSet' && pullRequest.status !== status) return false;
    const time = range === 'closed' ? pullRequest.closedDate : pullRequest.creationDate;
    if ((minTime !== undefined || maxTime !== undefined) && Number.isNaN(time)) return false;
    if (minTime !== undefined && time < minTime) return false;
    if (maxTime !== undefined && time > maxTime) return false;
    if (creatorId !== undefined && model.identities[pullRequest.createdBy]?.id !== creatorId) return false;
    if (
      reviewerId !== undefined &&
      !pullRequest.reviewers.some((reviewer) => model.identities[reviewer.identity]?.id === reviewerId)
    )
      return false;
    if (sourceRef !== null && sourceRef !== '' && pullRequest.sourceRefName !== sourceRef) return false;
    if (
      targetRef !== null &&
      targetRef !== '' &&
      targetRef !== (pullRequest.targetRefName ?? 'refs/heads/main')
    )
      return false;
    return true;
  });
  const ordered =
    range === 'closed'
      ? matching.sort((a, b) => b.closedDate - a.closedDate || b.id - a.id)
      : matching.reverse();
  return list(
    ordered
      .slice(skip, skip + top)
      .map((pullRequest) => pullRequestPayload(context.organizationUrl, model, pullRequest, false)),
  );
}

function commits(context: RequestContext, params: RouteParams): RouteResult {
  const project = requireProject(params);
  const repository = findRepository(context, project, params.values.repositoryId);
  const { query, model } = context;
  const pushId = query.get('pushId');
  if (pushId !== null) return pushCommits(context, model, repository, pushId);
  const version = query.get('searchCriteria.itemVersion.version');
  let history: CommitModel[];
  if (version === null || version === '' || version === 'main' || version === 'refs/heads/main')
    history = repository.main;
  else {
    const pullRequest = model.delivery.pullRequests.find(
      (candidate) =>
        candidate.repository === repository.index &&
        candidate.status === 'active' &&
        candidate.sourceRefName.replace('refs/heads/', '') === version.replace('refs/heads/', ''),
    );
    if (!pullRequest)
      throw errors.notFound(
        'GitUnresolvableToCommitException',
        `TF401175:The version descriptor <Branch: ${version} > could not be resolved to a version commit.`,
        GIT,
      );
    history = pullRequest.commits
      .map((index) => repository.branch[index])
      .filter((commit): commit is CommitModel => commit !== undefined);
  }
  const from = dateParam(query, 'searchCriteria.fromDate');
  const to = dateParam(query, 'searchCriteria.toDate');
  const author = query.get('searchCriteria.author')?.toLowerCase();
  const ids = csv(query.get('searchCriteria.ids'))?.map((id) => id.toLowerCase());
  const oldestFirst = flag(query.get('searchCriteria.showOldestCommitsFirst'));
  const skip = wholeNumber(query, 'searchCriteria.$skip') ?? wholeNumber(query, '$skip') ?? 0;
  const top = wholeNumber(query, 'searchCriteria.$top') ?? wholeNumber(query, '$top') ?? 100;
  const selected = history.filter((commit) => {
    if (from !== undefined && commit.commitTime < from) return false;
    if (to !== undefined && commit.commitTime > to) return false;
    if (author !== undefined) {
      const person = model.identities[commit.author];
      if (!person || !`${person.displayName} ${person.email}`.toLowerCase().includes(author)) return false;
    }
    if (ids && !ids.includes(commitSha(model, commit))) return false;
    return true;
  });
  const ordered = oldestFirst ? selected : [...selected].reverse();
  const includeWorkItems = flag(query.get('searchCriteria.includeWorkItems'));
  return list(
    ordered
      .slice(skip, skip + top)
      .map((commit) => commitPayload(context.organizationUrl, model, commit, includeWorkItems)),
  );
}

export const gitRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'git/repositories/:repositoryId?',
    location: 'gitRepositories',
    handle: (context, params) => {
      const project = requireProject(params);
      if (params.values.repositoryId !== undefined)
        return ok(
          repositoryPayload(
            context.organizationUrl,
            context.model,
            findRepository(context, project, params.values.repositoryId),
          ),
        );
      return list(
        context.model.delivery.repositories
          .filter((repository) => repository.projectIndex === project.index)
          .map((repository) => repositoryPayload(context.organizationUrl, context.model, repository)),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'git/pullrequests',
    location: 'gitPullRequestsByProject',
    handle: (context, params) => searchPullRequests(context, requireProject(params), undefined),
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'git/pullrequests/:pullRequestId',
    location: 'gitPullRequestById',
    handle: (context, params) =>
      ok(
        pullRequestPayload(
          context.organizationUrl,
          context.model,
          findPullRequest(context, requireProject(params), params.values.pullRequestId),
          true,
        ),
      ),
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'git/repositories/:repositoryId/pullrequests/:pullRequestId?',
    location: 'gitPullRequests',
    handle: (context, params) => {
      const project = requireProject(params);
      const repository = findRepository(context, project, params.values.repositoryId);
      if (params.values.pullRequestId === undefined) return searchPullRequests(context, project, repository);
      const pullRequest = findPullRequest(context, project, params.values.pullRequestId);
      if (pullRequest.repository !== repository.index)
        throw errors.notFound(
          'GitPullRequestNotFoundException',
          'TF401180: The requested pull request was not found.',
          GIT,
        );
      return ok(pullRequestPayload(context.organizationUrl, context.model, pullRequest, true));
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'git/repositories/:repositoryId/pullrequests/:pullRequestId/commits',
    location: 'gitPullRequestCommits',
    handle: (context, params) => {
      const project = requireProject(params);
      const repository = findRepository(context, project, params.values.repositoryId);
      const pullRequest = findPullRequest(context, project, params.values.pullRequestId);
      const all = pullRequest.commits
        .map((index) => repository.branch[index])
        .filter((commit): commit is CommitModel => commit !== undefined)
        .reverse();
      const top = wholeNumber(context.query, '$top') ?? 100;
      const start = Number(context.query.get('continuationToken') ?? 0) || 0;
      return list(
        all
          .slice(start, start + top)
          .map((commit) => commitPayload(context.organizationUrl, context.model, commit, false)),
        continuationHeader(start + top < all.length ? String(start + top) : undefined),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'git/repositories/:repositoryId/commits',
    location: 'gitCommits',
    handle: commits,
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'git/repositories/:repositoryId/pushes',
    location: 'gitPushes',
    handle: (context, params) =>
      listPushes(context, findRepository(context, requireProject(params), params.values.repositoryId)),
  },
];
