import type { DeliveryContext, OpenIncident, RepositoryProfile } from './context.ts';
import type { CommitModel, PullRequestModel } from './model.ts';
import { DAY, HOUR, MINUTE, SECOND, addWorkingTime, isWorkingDay, logNormal, poissonGap } from './timing.ts';
import { pullRequestTitle } from './catalog.ts';

const SCHEDULE_HOUR_UTC = 17; // 02:00 in Japan

function pushMain(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  commit: Omit<CommitModel, 'repository' | 'onMain' | 'sequence'>,
): number {
  const repository = ctx.model.delivery.repositories[profile.repository];
  if (!repository) throw new Error('no repository');
  const sequence = repository.main.length;
  repository.main.push({ ...commit, repository: profile.repository, onMain: true, sequence });
  return sequence;
}

function pushBranch(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  commit: Omit<CommitModel, 'repository' | 'onMain' | 'sequence'>,
): number {
  const repository = ctx.model.delivery.repositories[profile.repository];
  if (!repository) throw new Error('no repository');
  const sequence = repository.branch.length;
  repository.branch.push({ ...commit, repository: profile.repository, onMain: false, sequence });
  return sequence;
}

function validate(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  pullRequest: PullRequestModel,
  commit: number,
  at: number,
): void {
  ctx.queueBuild(
    profile.pipeline,
    {
      reason: 'pullRequest',
      pullRequest: pullRequest.id,
      sourceCommit: commit,
      requestedFor: pullRequest.createdBy,
      expedite: false,
    },
    at,
  );
}

/** Opens a pull request whose commits were authored in the hours before; it is reviewed, then merged or abandoned. */
function openPullRequest(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  at: number,
  options: {
    readonly author: number;
    readonly workItems: readonly number[];
    readonly hotfix: OpenIncident | undefined;
  },
): void {
  const random = ctx.stream(`repository:${profile.repository}`);
  const { title, slug } = pullRequestTitle(random);
  const id = ++ctx.counters.pullRequest;
  const hotfix = options.hotfix;
  const commitCount = hotfix ? 1 : 1 + random.int(0, 3);
  const firstAuthored =
    at -
    (hotfix
      ? logNormal(random, 20 * MINUTE, 0.5, 2 * MINUTE, 2 * HOUR)
      : logNormal(random, 5 * HOUR, 1, 10 * MINUTE, 6 * DAY));
  const commits: number[] = [];
  for (let n = 0; n < commitCount; n += 1) {
    const authored = firstAuthored + ((at - firstAuthored) * n) / commitCount;
    commits.push(
      pushBranch(ctx, profile, {
        author: options.author,
        authorTime: Math.round(authored),
        commitTime: Math.round(authored + random.int(0, 5) * MINUTE),
        pullRequest: id,
        workItems: options.workItems,
        flavor: random.int(0, 1_000_000),
      }),
    );
  }
  const reviewers = profile.people.filter((person) => person !== options.author);
  const pullRequest: PullRequestModel = {
    id,
    repository: profile.repository,
    title: hotfix ? `Hotfix: ${title}` : title,
    createdBy: options.author,
    creationDate: at,
    sourceRefName: hotfix ? `refs/heads/hotfix/${id}-${slug}` : `refs/heads/feature/${id}-${slug}`,
    isDraft: !hotfix && random.chance(0.05),
    workItems: options.workItems,
    reviewers: reviewers.length === 0 ? [] : [{ identity: random.pick(reviewers), vote: 0 }],
    commits,
    status: 'active',
    closedDate: Number.NaN,
    closedBy: -1,
    mergeCommit: -1,
    hotfixFor: hotfix?.workItemId ?? 0,
  };
  ctx.model.delivery.pullRequests.push(pullRequest);
  validate(ctx, profile, pullRequest, commits.at(-1) ?? -1, at + 30 * SECOND);
  const roll = random.next();
  if (!hotfix && roll < 0.08) {
    const abandonAt = addWorkingTime(at, logNormal(random, 2 * DAY, 0.8, HOUR, 20 * DAY));
    ctx.scheduler.at(abandonAt, () => {
      pullRequest.status = 'abandoned';
      pullRequest.closedDate = abandonAt;
      pullRequest.closedBy = options.author;
    });
    return;
  }
  const reviewTime = hotfix
    ? logNormal(random, 25 * MINUTE, 0.5, 5 * MINUTE, 4 * HOUR)
    : roll < 0.14
      ? logNormal(random, 8 * DAY, 0.6, 3 * DAY, 40 * DAY)
      : logNormal(random, 5 * HOUR, 1, 15 * MINUTE, 6 * DAY);
  const completeAt = hotfix ? at + reviewTime : addWorkingTime(at, reviewTime);
  if (!hotfix && random.chance(0.4)) {
    // Review feedback: one more commit, validated again.
    const pushAt = Math.round(at + (completeAt - at) / 2);
    ctx.scheduler.at(pushAt, () => {
      const commit = pushBranch(ctx, profile, {
        author: options.author,
        authorTime: pushAt,
        commitTime: pushAt,
        pullRequest: id,
        workItems: options.workItems,
        flavor: random.int(0, 1_000_000),
      });
      commits.push(commit);
      validate(ctx, profile, pullRequest, commit, pushAt + 30 * SECOND);
    });
  }
  ctx.scheduler.at(completeAt, () => completePullRequest(ctx, profile, pullRequest, completeAt, hotfix));
}

function completePullRequest(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  pullRequest: PullRequestModel,
  at: number,
  hotfix: OpenIncident | undefined,
): void {
  const random = ctx.stream(`repository:${profile.repository}`);
  const merge = pushMain(ctx, profile, {
    author: pullRequest.createdBy,
    authorTime: at,
    commitTime: at,
    pullRequest: pullRequest.id,
    workItems: pullRequest.workItems,
    flavor: random.int(0, 1_000_000),
  });
  pullRequest.status = 'completed';
  pullRequest.closedDate = at;
  pullRequest.mergeCommit = merge;
  const reviewer = pullRequest.reviewers[0];
  pullRequest.closedBy = reviewer?.identity ?? pullRequest.createdBy;
  if (hotfix) hotfix.hotfixCommit = merge;
  ctx.events.emit({ kind: 'git.pullrequest.merged', pullRequest: pullRequest.id }, at);
  ctx.queueBuild(
    profile.pipeline,
    {
      reason: 'individualCI',
      pullRequest: 0,
      sourceCommit: merge,
      requestedFor: pullRequest.createdBy,
      expedite: hotfix !== undefined,
    },
    at + logNormal(random, 20 * SECOND, 0.5, 5 * SECOND, 3 * MINUTE),
  );
}

/** The on-call engineer's fix for an incident: a small pull request linked to the incident. */
export function openHotfix(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  incident: OpenIncident,
  author: number,
  at: number,
): void {
  openPullRequest(ctx, profile, at, { author, workItems: [incident.workItemId], hotfix: incident });
}

/** Starts a repository's life at `from`: changes arrive in working hours; a nightly run checks main. */
export function startRepository(ctx: DeliveryContext, profile: RepositoryProfile, from: number): void {
  const random = ctx.stream(`arrivals:${profile.repository}`);
  const arrive = (at: number): void => {
    const author = random.pick(profile.people);
    if (random.chance(0.03)) {
      const commit = pushMain(ctx, profile, {
        author,
        authorTime: at - random.int(1, 90) * MINUTE,
        commitTime: at,
        pullRequest: 0,
        workItems: [],
        flavor: random.int(0, 1_000_000),
      });
      ctx.queueBuild(
        profile.pipeline,
        {
          reason: random.chance(0.2) ? 'manual' : 'individualCI',
          pullRequest: 0,
          sourceCommit: commit,
          requestedFor: author,
          expedite: false,
        },
        at + 15 * SECOND,
      );
    } else {
      const item = ctx.port.pickForChange(profile.repository, at, random);
      openPullRequest(ctx, profile, at, { author, workItems: item === 0 ? [] : [item], hotfix: undefined });
    }
    const next = addWorkingTime(at, poissonGap(random, profile.pullRequestsPerDay));
    ctx.scheduler.at(next, () => arrive(next));
  };
  const first = addWorkingTime(from, poissonGap(random, profile.pullRequestsPerDay));
  ctx.scheduler.at(first, () => arrive(first));

  const nightly = (at: number): void => {
    const state = ctx.pipelineStates[profile.pipeline];
    const repository = ctx.model.delivery.repositories[profile.repository];
    const head = (repository?.main.length ?? 0) - 1;
    if (state && head >= 0 && head > state.lastScheduledMain && isWorkingDay(at)) {
      state.lastScheduledMain = head;
      ctx.queueBuild(
        profile.pipeline,
        { reason: 'schedule', pullRequest: 0, sourceCommit: head, requestedFor: -1, expedite: false },
        at,
      );
    }
    ctx.scheduler.at(at + DAY, () => nightly(at + DAY));
  };
  const firstNight = Math.floor(from / DAY) * DAY + SCHEDULE_HOUR_UTC * HOUR;
  const startNight = firstNight > from ? firstNight : firstNight + DAY;
  ctx.scheduler.at(startNight, () => nightly(startNight));
}
