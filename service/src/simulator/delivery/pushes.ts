import type { PushModel, RepositoryModel } from './model.ts';

/** A push as the pushes API shows it: its id (from 1 per repository, in push order), time and main entries. */
export interface PushView extends PushModel {
  readonly id: number;
}

/** Records a push that brought main entries [start, main.length) at `at` (called right after they were added). */
export function recordPush(repository: RepositoryModel, start: number, at: number): void {
  repository.pushes ??= [];
  repository.pushes.push({ start, end: repository.main.length, at });
}

const views = new WeakMap<RepositoryModel, { length: number; pushes: PushView[] }>();

/**
 * Every push to main, oldest first: the recorded ones, and each other main entry alone at its commit time
 * (a squash merge or a direct commit is pushed when it is made). Push times never go back.
 */
export function pushesOf(repository: RepositoryModel): readonly PushView[] {
  const cached = views.get(repository);
  if (cached?.length === repository.main.length) return cached.pushes;
  const recorded = new Map((repository.pushes ?? []).map((push) => [push.start, push]));
  const pushes: PushView[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < repository.main.length;) {
    const push = recorded.get(index) ?? {
      start: index,
      end: index + 1,
      at: repository.main[index]?.commitTime ?? latest,
    };
    latest = Math.max(latest, push.at);
    pushes.push({ id: pushes.length + 1, start: push.start, end: Math.max(push.end, index + 1), at: latest });
    index = Math.max(push.end, index + 1);
  }
  views.set(repository, { length: repository.main.length, pushes });
  return pushes;
}
