import type { Random } from '../model/random.ts';
import { pullRequestTitle } from './catalog.ts';
import type { DeliveryContext, RepositoryProfile } from './context.ts';
import type { CommitModel, PullRequestModel, RepositoryModel } from './model.ts';
import { recordPush } from './pushes.ts';
import { DAY, HOUR, MINUTE, SECOND, addWorkingTime, logNormal } from './timing.ts';

/**
 * How the simulated repositories' histories look. `linear` (the default of every scale): main is a
 * line of squash commits in commit-time order and every pull request targets main. `realistic` adds,
 * beside that life, what real repositories do: feature branches with their own pull requests merged
 * into main by a merge commit, release branches with hotfix pull requests merged back without one,
 * `git pull` merges of commits made days before they were pushed, rebased commits whose author and
 * committer times differ, and commits pushed together with the same commit time.
 *
 * The model keeps `main` as the commits reachable from main in the order they became reachable, so a
 * build's changes (main commits after the previous build's, up to its own) stay exact whatever the
 * commit times say; commits brought in from another branch are the branch's own commit objects (the
 * same SHAs), and every commit of these episodes names its parents.
 */
export type GitHistory = 'linear' | 'realistic';

const MAIN = 'refs/heads/main';

type NewCommit = Omit<CommitModel, 'repository' | 'onMain' | 'sequence'>;

/** Starts the realistic episodes of one repository at `from`, taking turns. */
export function startRealisticHistory(ctx: DeliveryContext, profile: RepositoryProfile, from: number): void {
  const random = ctx.stream(`git-history:${profile.repository}`);
  const episodes = [featureBranch, releaseHotfix, pullMerge, rebasedPush];
  let turn = 0;
  const next = (at: number): void => {
    const episode = episodes[turn++ % episodes.length];
    episode?.(ctx, profile, random, at);
    const later = addWorkingTime(at, logNormal(random, 1.5 * DAY, 0.4, 8 * HOUR, 4 * DAY));
    ctx.scheduler.at(later, () => next(later));
  };
  const first = addWorkingTime(from, logNormal(random, DAY, 0.4, 4 * HOUR, 3 * DAY));
  ctx.scheduler.at(first, () => next(first));
}

function repositoryOf(ctx: DeliveryContext, profile: RepositoryProfile): RepositoryModel {
  const repository = ctx.model.delivery.repositories[profile.repository];
  if (!repository) throw new Error('no repository');
  return repository;
}

function onBranch(repository: RepositoryModel, commit: NewCommit): CommitModel {
  const made = { ...commit, repository: repository.index, onMain: false, sequence: repository.branch.length };
  repository.branch.push(made);
  return made;
}

/** A new commit made on main; returns its index there. */
function onMain(repository: RepositoryModel, commit: NewCommit): number {
  const sequence = repository.main.length;
  repository.main.push({ ...commit, repository: repository.index, onMain: true, sequence });
  return sequence;
}

/** An existing commit of another branch becomes reachable from main (by the merge that follows). */
function bringToMain(repository: RepositoryModel, commit: CommitModel): void {
  repository.main.push(commit);
}

function queueMainBuild(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  index: number,
  author: number,
  at: number,
) {
  ctx.queueBuild(
    profile.pipeline,
    { reason: 'individualCI', pullRequest: 0, sourceCommit: index, requestedFor: author, expedite: false },
    at + 20 * SECOND,
  );
}

function openPullRequest(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  random: Random,
  spec: { author: number; at: number; source: string; target: string; title: string; merge?: boolean },
): PullRequestModel {
  const reviewers = profile.people.filter((person) => person !== spec.author);
  const pullRequest: PullRequestModel = {
    id: ++ctx.counters.pullRequest,
    repository: profile.repository,
    title: spec.title,
    createdBy: spec.author,
    creationDate: spec.at,
    sourceRefName: spec.source,
    isDraft: false,
    workItems: [],
    reviewers: reviewers.length === 0 ? [] : [{ identity: random.pick(reviewers), vote: 0 }],
    commits: [],
    status: 'active',
    closedDate: Number.NaN,
    closedBy: -1,
    mergeCommit: -1,
    hotfixFor: 0,
    ...(spec.target === MAIN ? {} : { targetRefName: spec.target }),
    ...(spec.merge === true ? { mergeStrategy: 'noFastForward' as const } : {}),
  };
  ctx.model.delivery.pullRequests.push(pullRequest);
  return pullRequest;
}

function complete(ctx: DeliveryContext, pullRequest: PullRequestModel, at: number, mergeCommit: number) {
  pullRequest.status = 'completed';
  pullRequest.closedDate = at;
  pullRequest.mergeCommit = mergeCommit;
  pullRequest.closedBy = pullRequest.reviewers[0]?.identity ?? pullRequest.createdBy;
  ctx.events.emit({ kind: 'git.pullrequest.merged', pullRequest: pullRequest.id }, at);
}

/**
 * A pull request into `target` whose commits were made in the hours before it opened (days before,
 * when `rebased`: rebased onto the target just before, so author and committer times differ); on
 * completion it is squashed onto the target's head. Calls `done` with the squash commit.
 */
function branchPullRequest(
  ctx: DeliveryContext,
  profile: RepositoryProfile,
  random: Random,
  spec: { at: number; target: string; head: () => CommitModel; rebased: boolean },
  done: (squash: CommitModel, index: number, at: number) => void,
): void {
  const repository = repositoryOf(ctx, profile);
  const author = random.pick(profile.people);
  const { title, slug } = pullRequestTitle(random);
  const pullRequest = openPullRequest(ctx, profile, random, {
    author,
    at: spec.at,
    source: `refs/heads/users/${slug}-${ctx.counters.pullRequest + 1}`,
    target: spec.target,
    title,
  });
  let parent = spec.head();
  const count = 1 + random.int(0, 1);
  for (let n = 0; n < count; n += 1) {
    const made = Math.round(spec.at - (count - n) * logNormal(random, 2 * HOUR, 0.5, 20 * MINUTE, 8 * HOUR));
    const authorTime = spec.rebased ? made - random.int(1, 3) * DAY : made;
    const commitTime = spec.rebased ? spec.at - (count - n) * MINUTE : made + random.int(0, 5) * MINUTE;
    const commit = onBranch(repository, {
      author,
      authorTime,
      commitTime,
      pullRequest: pullRequest.id,
      workItems: [],
      flavor: random.int(0, 1_000_000),
      parents: [parent],
    });
    pullRequest.commits.push(commit.sequence);
    parent = commit;
  }
  const at = Math.round(addWorkingTime(spec.at, logNormal(random, 5 * HOUR, 0.8, 30 * MINUTE, 3 * DAY)));
  ctx.scheduler.at(at, () => {
    const squash = onBranch(repository, {
      author,
      authorTime: at,
      commitTime: at,
      pullRequest: pullRequest.id,
      workItems: [],
      flavor: random.int(0, 1_000_000),
      parents: [spec.head()],
    });
    complete(ctx, pullRequest, at, squash.sequence);
    done(squash, squash.sequence, at);
  });
}

/** Two pull requests into a feature branch (the second rebased), then the branch merged into main by a pull request. */
function featureBranch(ctx: DeliveryContext, profile: RepositoryProfile, random: Random, at: number): void {
  const repository = repositoryOf(ctx, profile);
  const base = repository.main.at(-1);
  if (base === undefined) return;
  const feature = `refs/heads/feature/${pullRequestTitle(random).slug}-${repository.branch.length}`;
  let featureHead = base;
  const squashes: number[] = [];
  const head = () => featureHead;
  const land = (squash: CommitModel, index: number) => {
    featureHead = squash;
    squashes.push(index);
  };
  const promote = (after: number): void => {
    const opened = Math.round(addWorkingTime(after, logNormal(random, 4 * HOUR, 0.6, 30 * MINUTE, 2 * DAY)));
    ctx.scheduler.at(opened, () => {
      const author = random.pick(profile.people);
      const pullRequest = openPullRequest(ctx, profile, random, {
        author,
        at: opened,
        source: feature,
        target: MAIN,
        title: `Merge ${feature.replace('refs/heads/', '')} into main`,
        merge: true,
      });
      pullRequest.commits.push(...squashes);
      const merged = Math.round(
        addWorkingTime(opened, logNormal(random, 3 * HOUR, 0.6, 20 * MINUTE, 2 * DAY)),
      );
      ctx.scheduler.at(merged, () => {
        const previous = repository.main.at(-1) ?? base;
        const pushStart = repository.main.length;
        for (const index of squashes) {
          const commit = repository.branch[index];
          if (commit !== undefined) bringToMain(repository, commit);
        }
        const merge = onMain(repository, {
          author,
          authorTime: merged,
          commitTime: merged,
          pullRequest: pullRequest.id,
          workItems: [],
          flavor: random.int(0, 1_000_000),
          parents: [previous, featureHead],
        });
        recordPush(repository, pushStart, merged);
        complete(ctx, pullRequest, merged, merge);
        queueMainBuild(ctx, profile, merge, author, merged);
      });
    });
  };
  branchPullRequest(
    ctx,
    profile,
    random,
    { at, target: feature, head, rebased: false },
    (squash, index, done) => {
      land(squash, index);
      const second = Math.round(addWorkingTime(done, HOUR));
      ctx.scheduler.at(second, () =>
        branchPullRequest(
          ctx,
          profile,
          random,
          { at: second, target: feature, head, rebased: true },
          (s, i, d) => {
            land(s, i);
            promote(d);
          },
        ),
      );
    },
  );
}

/** A hotfix pull request into a release branch cut from main, merged back into main a day later without a pull request. */
function releaseHotfix(ctx: DeliveryContext, profile: RepositoryProfile, random: Random, at: number): void {
  const repository = repositoryOf(ctx, profile);
  const base = repository.main.at(-1);
  if (base === undefined) return;
  const release = `refs/heads/release/${repository.main.length}`;
  branchPullRequest(
    ctx,
    profile,
    random,
    { at, target: release, head: () => base, rebased: false },
    (squash, _, done) => {
      const back = Math.round(addWorkingTime(done, logNormal(random, DAY, 0.5, 2 * HOUR, 4 * DAY)));
      ctx.scheduler.at(back, () => {
        const previous = repository.main.at(-1) ?? base;
        const pushStart = repository.main.length;
        bringToMain(repository, squash);
        const author = random.pick(profile.people);
        const merge = onMain(repository, {
          author,
          authorTime: back,
          commitTime: back,
          pullRequest: 0,
          workItems: [],
          flavor: random.int(0, 1_000_000),
          parents: [previous, squash],
        });
        recordPush(repository, pushStart, back);
        queueMainBuild(ctx, profile, merge, author, back);
      });
    },
  );
}

/** A commit made days ago on an old main, pushed now with a `git pull` merge: by commit time it is among older commits. */
function pullMerge(ctx: DeliveryContext, profile: RepositoryProfile, random: Random, at: number): void {
  const repository = repositoryOf(ctx, profile);
  const previous = repository.main.at(-1);
  if (previous === undefined) return;
  const made = at - random.int(1, 3) * DAY - random.int(0, 6) * HOUR;
  let base = previous;
  for (let index = repository.main.length - 1; index >= 0; index -= 1) {
    const candidate = repository.main[index];
    if (candidate === undefined || candidate.commitTime <= made) {
      if (candidate !== undefined) base = candidate;
      break;
    }
  }
  const author = random.pick(profile.people);
  const local = onMain(repository, {
    author,
    authorTime: made,
    commitTime: made,
    pullRequest: 0,
    workItems: [],
    flavor: random.int(0, 1_000_000),
    parents: [base],
  });
  const merge = onMain(repository, {
    author,
    authorTime: at,
    commitTime: at,
    pullRequest: 0,
    workItems: [],
    flavor: random.int(0, 1_000_000),
    parents: [previous, ...repository.main.slice(local, local + 1)],
  });
  // Both go up in one push now: the local commit, made days ago, arrives with the merge.
  recordPush(repository, local, at);
  queueMainBuild(ctx, profile, merge, author, at);
}

/** Two commits rebased onto main and pushed together: authored days apart, committed in the same second. */
function rebasedPush(ctx: DeliveryContext, profile: RepositoryProfile, random: Random, at: number): void {
  const repository = repositoryOf(ctx, profile);
  const previous = repository.main.at(-1);
  if (previous === undefined) return;
  const author = random.pick(profile.people);
  const committed = Math.floor(at / SECOND) * SECOND;
  const first = onMain(repository, {
    author,
    authorTime: committed - random.int(1, 4) * DAY,
    commitTime: committed,
    pullRequest: 0,
    workItems: [],
    flavor: random.int(0, 1_000_000),
    parents: [previous],
  });
  const second = onMain(repository, {
    author,
    authorTime: committed - random.int(10, 90) * MINUTE,
    commitTime: committed,
    pullRequest: 0,
    workItems: [],
    flavor: random.int(0, 1_000_000),
    parents: repository.main.slice(first, first + 1),
  });
  recordPush(repository, first, committed);
  queueMainBuild(ctx, profile, second, author, at);
}
