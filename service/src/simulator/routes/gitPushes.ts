import { list } from '../http.ts';
import type { RequestContext, RouteResult } from '../http.ts';
import { errors } from '../errors.ts';
import type { CommitModel, RepositoryModel } from '../delivery/model.ts';
import { pushesOf, type PushView } from '../delivery/pushes.ts';
import { commitPayload } from '../payloads/git.ts';
import { commitSha, date, identity, projectOf, repositoryRef, repositoryUrl } from '../payloads/common.ts';
import { dateParam, flag, wholeNumber } from './query.ts';
import type { OrganizationModel } from '../model/organization.ts';

/**
 * Pushes (`GET …/git/repositories/{id}/pushes`) and a push's commits (`GET …/commits?pushId=`), consistent
 * with the commits: pushes go to main only (the simulated deployed branch), newest first, filtered by
 * `searchCriteria.refName`, `searchCriteria.fromDate` and `toDate` (inclusive, on the push time), paged by
 * `$top` (default 100) and `$skip` (learn.microsoft.com/rest/api/azure/devops/git/pushes/list).
 */
const MAIN = 'refs/heads/main';
const DEFAULT_PUSHES_TOP = 100;

function headOf(repository: RepositoryModel, push: PushView): CommitModel | undefined {
  return repository.main[push.end - 1];
}

function pushPayload(
  context: RequestContext,
  repository: RepositoryModel,
  push: PushView,
  includeRefUpdates: boolean,
) {
  const { model, organizationUrl } = context;
  const project = projectOf(model, repository.projectIndex);
  const head = headOf(repository, push);
  const before = repository.main[push.start - 1];
  const zero = '0000000000000000000000000000000000000000';
  return {
    repository: repositoryRef(model, organizationUrl, repository),
    pushedBy: identity(model, organizationUrl, head?.author ?? -1, project),
    pushId: push.id,
    date: date(push.at),
    url: `${repositoryUrl(organizationUrl, project, repository)}/pushes/${push.id}`,
    ...(includeRefUpdates
      ? {
          refUpdates: [
            {
              repositoryId: repository.id,
              name: MAIN,
              oldObjectId: before === undefined ? zero : commitSha(model, before),
              newObjectId: head === undefined ? zero : commitSha(model, head),
            },
          ],
        }
      : {}),
  };
}

export function listPushes(context: RequestContext, repository: RepositoryModel): RouteResult {
  const { query } = context;
  const refName = query.get('searchCriteria.refName');
  const from = dateParam(query, 'searchCriteria.fromDate');
  const to = dateParam(query, 'searchCriteria.toDate');
  const skip = wholeNumber(query, '$skip') ?? 0;
  const top = wholeNumber(query, '$top') ?? DEFAULT_PUSHES_TOP;
  const includeRefUpdates = flag(query.get('searchCriteria.includeRefUpdates'));
  const onBranch = refName === null || refName === '' || refName === MAIN || refName === 'main';
  const selected = onBranch
    ? pushesOf(repository).filter(
        (push) =>
          push.at <= context.now &&
          (from === undefined || push.at >= from) &&
          (to === undefined || push.at <= to),
      )
    : [];
  return list(
    [...selected]
      .reverse()
      .slice(skip, skip + top)
      .map((push) => pushPayload(context, repository, push, includeRefUpdates)),
  );
}

/** "Get Push Commits": the commits the push brought to main, newest first, paged by `top` and `skip`. */
export function pushCommits(
  context: RequestContext,
  model: OrganizationModel,
  repository: RepositoryModel,
  rawPushId: string,
): RouteResult {
  const pushId = Number(rawPushId);
  const push = pushesOf(repository).find((candidate) => candidate.id === pushId);
  if (!Number.isInteger(pushId) || push === undefined || push.at > context.now)
    throw errors.notFound(
      'GitPushNotFoundException',
      `TF401030: The push with id ${rawPushId} does not exist or you do not have permissions for the operation you are attempting.`,
      'Microsoft.TeamFoundation.Git.Server',
    );
  const commits = repository.main.slice(push.start, push.end).reverse();
  const skip = wholeNumber(context.query, 'skip') ?? 0;
  const top = wholeNumber(context.query, 'top') ?? 100;
  return list(
    commits
      .slice(skip, skip + top)
      .map((commit) => commitPayload(context.organizationUrl, model, commit, false)),
  );
}
