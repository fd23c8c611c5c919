/** A project's changes as columns of the stored linked input (linkedInputCodec.ts), and back. */
import type { ChangeRecord } from '../../../domain/delivery.ts';
import { anyText, columnEncoders, columnReaders, oneOf, provenanceInterner, required } from './codecParts.ts';
import { decodeLists, encodeLists } from './columns.ts';
import { numberOrNull } from './numberColumns.ts';
import { listColumnField, type Envelope } from './envelope.ts';
import type { ColumnMemory } from './typedArrayText.ts';

const KINDS = ['pullRequest', 'commit'] as const;
/** Shared by every record without items (none is ever changed). */
const NONE: readonly number[] = Object.freeze([]);
const NONE_TEXT: readonly string[] = Object.freeze([]);

export function encodeChanges(changes: readonly ChangeRecord[]): Envelope {
  const { texts, numbers } = columnEncoders(changes);
  const pr = (change: ChangeRecord) => (change.kind === 'pullRequest' ? change : null);
  return {
    count: changes.length,
    kind: texts((c) => c.kind),
    id: texts((c) => c.id),
    project: texts((c) => c.project),
    repository: texts((c) => c.repository),
    targetBranch: texts((c) => c.targetBranch),
    firstCommitAuthoredAt: numbers((c) => c.firstCommitAuthoredAt),
    workItemIds: encodeLists(changes.map((c) => c.workItemIds)),
    rawPageId: numbers((c) => c.provenance.rawPageId),
    // A pull request's number, times and merge commit; a direct commit's SHA.
    pullRequestId: numbers((c) => pr(c)?.pullRequestId ?? null),
    createdAt: numbers((c) => pr(c)?.createdAt ?? null),
    mergedAt: numbers((c) => pr(c)?.mergedAt ?? null),
    sha: texts((c) => (c.kind === 'pullRequest' ? c.mergeCommitSha : c.sha)),
  };
}

/** The changes; their columns are read in `memory` when given (see typedArrayText.ts). */
export function decodeChanges(envelope: Envelope, memory?: ColumnMemory): ChangeRecord[] {
  const { count, texts, numbers } = columnReaders(envelope, memory);
  const kind = texts('kind', oneOf(KINDS));
  const [ids, project, repository, targetBranch, sha] = [
    texts('id', anyText),
    texts('project', anyText),
    texts('repository', anyText),
    texts('targetBranch', anyText),
    texts('sha', anyText),
  ];
  const workItemIds = decodeLists(listColumnField(envelope, 'workItemIds'), count, memory);
  const [firstCommit, rawPageId, pullRequestId, createdAt, mergedAt] = [
    numbers('firstCommitAuthoredAt'),
    numbers('rawPageId'),
    numbers('pullRequestId'),
    numbers('createdAt'),
    numbers('mergedAt'),
  ];
  const provenanceOf = provenanceInterner();
  const changes = new Array<ChangeRecord>(count);
  for (let n = 0; n < count; n++) {
    // Built whole, each kind in one literal: a spread base would make every record twice.
    const id = ids.at(n);
    const commitSha = sha.at(n);
    const common = {
      project: required(project.at(n), 'change project'),
      repository: required(repository.at(n), 'change repository'),
      targetBranch: required(targetBranch.at(n), 'target branch'),
      firstCommitAuthoredAt: required(numberOrNull(firstCommit[n]), 'first commit time'),
      workItemIds: workItemIds[n] ?? NONE,
      provenance: provenanceOf(required(numberOrNull(rawPageId[n]), 'raw page id')),
    };
    changes[n] =
      required(kind.at(n), 'change kind') === 'commit'
        ? {
            kind: 'commit',
            id: required(id, 'change id'),
            project: common.project,
            repository: common.repository,
            targetBranch: common.targetBranch,
            firstCommitAuthoredAt: common.firstCommitAuthoredAt,
            commitShas: [required(commitSha, 'commit SHA')],
            workItemIds: common.workItemIds,
            provenance: common.provenance,
            sha: required(commitSha, 'commit SHA'),
          }
        : {
            kind: 'pullRequest',
            id: required(id, 'change id'),
            project: common.project,
            repository: common.repository,
            targetBranch: common.targetBranch,
            firstCommitAuthoredAt: common.firstCommitAuthoredAt,
            commitShas: NONE_TEXT,
            workItemIds: common.workItemIds,
            provenance: common.provenance,
            pullRequestId: required(numberOrNull(pullRequestId[n]), 'pull request id'),
            createdAt: required(numberOrNull(createdAt[n]), 'pull request creation'),
            mergedAt: required(numberOrNull(mergedAt[n]), 'pull request completion'),
            mergeCommitSha: commitSha,
          };
  }
  return changes;
}
