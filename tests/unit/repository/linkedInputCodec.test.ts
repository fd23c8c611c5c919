/**
 * The stored linked input reads back equal to what was written: nulls, texts holding the separator or
 * nothing, every code width (few, hundreds and tens of thousands of distinct values), pull requests and
 * direct commits, lists of work items; a text of another format is not read.
 */
import { describe, expect, it } from 'vitest';
import type { ChangeRecord, DeploymentRecord } from '../../../service/src/domain/delivery.ts';
import type { LinkedDeliveryInput } from '../../../service/src/storage/delivery/linkedInput.ts';
import {
  decodeLinkedInput,
  encodeLinkedInput,
  LINKED_INPUT_FORMAT,
} from '../../../service/src/storage/sql/delivery/linkedInputCodec.ts';

function deployment(n: number, overrides: Partial<DeploymentRecord> = {}): DeploymentRecord {
  return {
    id: `environment:${n}`,
    source: 'environment',
    project: 'Fabrikam',
    pipelineId: 1 + (n % 3),
    pipelineName: `pipeline ${n % 3}`,
    environmentName: 'Production',
    stageName: 'Deploy',
    buildId: 1_000 + n,
    releaseId: null,
    repository: 'repo',
    sourceBranch: 'refs/heads/main',
    sourceVersion: `sha${n}`,
    attempt: 1,
    queuedAt: 1_767_225_600_000 + n,
    startedAt: 1_767_225_600_500 + n,
    finishedAt: 1_767_225_601_000 + n,
    outcome: 'succeeded',
    rawResult: 'succeeded',
    provenance: { rawPageId: 3 },
    ...overrides,
  };
}

function pullRequest(n: number, workItemIds: number[], mergeCommitSha: string | null): ChangeRecord {
  return {
    kind: 'pullRequest',
    id: `pr:repo:${n}`,
    project: 'Fabrikam',
    repository: 'repo',
    targetBranch: 'refs/heads/main',
    firstCommitAuthoredAt: 1_767_000_000_000 + n,
    commitShas: [],
    workItemIds,
    provenance: { rawPageId: 4 },
    pullRequestId: n,
    createdAt: 1_767_100_000_000 + n,
    mergedAt: 1_767_200_000_000 + n,
    mergeCommitSha,
  };
}

function directCommit(sha: string, workItemIds: number[]): ChangeRecord {
  return {
    kind: 'commit',
    id: `commit:repo:${sha}`,
    project: 'Fabrikam',
    repository: 'repo',
    targetBranch: 'refs/heads/main',
    firstCommitAuthoredAt: 1_767_000_000_123,
    commitShas: [sha],
    workItemIds,
    provenance: { rawPageId: 5 },
    sha,
  };
}

function input(deployments: DeploymentRecord[], changes: ChangeRecord[]): LinkedDeliveryInput {
  const count = Math.min(deployments.length, changes.length);
  return {
    dataVersion: 42,
    deployments,
    changes,
    links: {
      buildIds: Float64Array.from({ length: count }, (_, n) => deployments[n]?.buildId ?? 0),
      changeIndices: Int32Array.from({ length: count }, (_, n) => n),
      evidence: Uint8Array.from({ length: count }, (_, n) => n % 2),
    },
  };
}

const many = (count: number, make: (n: number) => DeploymentRecord) =>
  Array.from({ length: count }, (_, n) => make(n));

const CASES: { name: string; input: LinkedDeliveryInput }[] = [
  { name: 'nothing', input: input([], []) },
  {
    name: 'nulls in every nullable field',
    input: input(
      [
        deployment(1, {
          source: 'classicRelease',
          environmentName: null,
          buildId: null,
          releaseId: 77,
          repository: null,
          sourceBranch: null,
          sourceVersion: null,
          queuedAt: null,
          startedAt: null,
          finishedAt: null,
          outcome: 'canceled',
          rawResult: 'canceled',
        }),
        deployment(2, { source: 'pipelineStage', outcome: 'failed', rawResult: 'failed' }),
      ],
      [pullRequest(1, [], null), directCommit('abc', [7, 8])],
    ),
  },
  {
    name: 'texts holding a newline, nothing, or other scripts',
    input: input(
      [
        deployment(1, { pipelineName: 'two\nlines', stageName: '' }),
        deployment(2, { pipelineName: '本番 デプロイ', environmentName: '' }),
      ],
      [pullRequest(2, [1, 2, 3], 'merge\nsha'), pullRequest(3, [4], '')],
    ),
  },
  {
    name: 'hundreds of distinct values (two-byte codes)',
    input: input(
      many(600, (n) => deployment(n, { pipelineName: `pipeline ${n % 300}` })),
      Array.from({ length: 600 }, (_, n) => pullRequest(n, n % 4 === 0 ? [n] : [], `m${n % 400}`)),
    ),
  },
  {
    name: 'tens of thousands of distinct values, some null (four-byte codes)',
    input: input(
      many(70_000, (n) => deployment(n, { repository: n % 10 === 0 ? null : `repo-${n % 66_000}` })),
      [directCommit('only', [])],
    ),
  },
];

describe('storage/sql/delivery/linkedInputCodec', () => {
  it.each(CASES)('reads back $name as written', ({ input: written }) => {
    const read = decodeLinkedInput(encodeLinkedInput(written), written.dataVersion);
    expect(read).toEqual(written);
  });

  it('reads each text whole though reads reuse their column memory, and keeps what an earlier read made', () => {
    const texts = CASES.map(({ input: written }) => encodeLinkedInput(written));
    const first = texts.map((text, n) => decodeLinkedInput(text, CASES[n]?.input.dataVersion ?? 0));
    // Read again in reverse order: every read resets the memory the one before it used.
    const again = [...texts]
      .reverse()
      .map((text, n) => decodeLinkedInput(text, [...CASES].reverse()[n]?.input.dataVersion ?? 0));
    CASES.forEach(({ input: written }, n) => {
      expect(first[n]).toEqual(written);
      expect(again[CASES.length - 1 - n]).toEqual(written);
    });
  });

  it('reads only the deployments of the rows selected, as the whole read has them', () => {
    const written = input(
      many(300, (n) =>
        deployment(n, { environmentName: n % 3 === 0 ? 'Production' : 'Staging', sourceVersion: `sha${n}` }),
      ),
      [directCommit('a', [1])],
    );
    const text = encodeLinkedInput(written);
    const all = decodeLinkedInput(text, 1);
    let seen: { count: number; names: (string | null)[] } | undefined;
    const selected = decodeLinkedInput(text, 1, (targets) => {
      seen = {
        count: targets.count,
        names: Array.from({ length: targets.count }, (_, row) => targets.at(row).environmentName),
      };
      return Array.from({ length: 100 }, (_, n) => n * 3);
    });
    expect(seen).toEqual({ count: 300, names: written.deployments.map((d) => d.environmentName) });
    expect(selected?.deployments).toEqual(all?.deployments.filter((_, row) => row % 3 === 0));
    expect(selected?.changes).toEqual(all?.changes);
    // No selection: every row.
    expect(decodeLinkedInput(text, 1, () => undefined)).toEqual(all);
  });

  it('refuses a selection that is not ascending rows of the list', () => {
    const text = encodeLinkedInput(
      input(
        many(10, (n) => deployment(n)),
        [directCommit('a', [])],
      ),
    );
    for (const rows of [[3, 2], [1, 1], [-1], [10]]) {
      expect(() => decodeLinkedInput(text, 1, () => rows)).toThrow(/not ascending rows/);
    }
  });

  it('does not read a text of another format', () => {
    const text = encodeLinkedInput(input([deployment(1)], [directCommit('a', [])]));
    const header = `{"format":${LINKED_INPUT_FORMAT},`;
    expect(text.startsWith(header)).toBe(true);
    expect(decodeLinkedInput(text.replace(header, '{"format":1,'), 1)).toBeUndefined();
    // Format 1 was one JSON value.
    expect(decodeLinkedInput(JSON.stringify({ format: 1 }), 1)).toBeUndefined();
  });

  it('refuses a text cut short', () => {
    const text = encodeLinkedInput(
      input(
        many(100, (n) => deployment(n)),
        [directCommit('a', [])],
      ),
    );
    expect(() => decodeLinkedInput(text.slice(0, -3), 1)).toThrow(/beyond|past its end/);
  });

  it('refuses links naming a change it does not hold', () => {
    const written = input([deployment(1)], [directCommit('a', [])]);
    const broken = { ...written, links: { ...written.links, changeIndices: Int32Array.from([5]) } };
    expect(() => decodeLinkedInput(encodeLinkedInput(broken), 1)).toThrow(/names no stored change/);
  });
});
