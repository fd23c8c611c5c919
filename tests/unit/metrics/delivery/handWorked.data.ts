/**
 * A hand-worked example: 10 production deployment attempts (+1 staging), 15 changes, 3 incidents,
 * in UTC over Mon 2026-03-02 .. Sun 2026-03-15. handWorked.test.ts checks every figure, each worked
 * out by hand from this table.
 *
 * Production attempts (web = pipeline 1, api = pipeline 2):
 *   W1   web  build 101  Mon 03-02 10:00  succeeded
 *   W2a  web  build 102  Tue 03-03 09:00  failed
 *   W2b  web  build 102  Tue 03-03 11:00  succeeded (attempt 2)
 *   A1   api  build 201  Tue 03-03 15:00  succeeded
 *   W3   web  build 103  Thu 03-05 16:00  succeededWithIssues
 *   W3r  web  build 103  Fri 03-06 08:00  succeeded (redeploy)
 *   A2a  api  build 202  Mon 03-09 12:00  failed
 *   A2b  api  build 202  Mon 03-09 13:00  succeeded (attempt 2)
 *   W4   web  build 104  Wed 03-11 10:00  succeeded
 *   A3   api  build 203  Fri 03-13 18:00  canceled
 *   (web build 104 to Staging, Wed 03-11 08:00: not production)
 *
 * Changes (first commit → PR created → merged; lead time to first delivering deployment):
 *   PR1  02-27 10:00 → 02-28 10:00 → 03-01 10:00  W1  24+24+24 = 72h
 *   PR2  03-01 22:00 → 03-02 01:00 → 03-02 04:00  W1   3+3+6   = 12h
 *   C1   03-02 08:00 (commit)                      W1            2h
 *   PR3  03-02 11:00 → 03-02 14:00 → 03-03 08:00  W2b 3+18+3  = 24h; A1 3+18+7 = 28h (two pipelines)
 *   PR4  03-01 11:00 → 03-02 11:00 → 03-03 10:00  W2b 24+23+1 = 48h
 *   PR5  03-03 06:00 → 03-03 07:00 → 03-03 09:00  A1  1+2+6   = 9h
 *   C2   03-03 11:00 (commit)                      A1            4h
 *   PR6  03-04 16:00 → 03-05 04:00 → 03-05 10:00  W3  12+6+6  = 24h
 *   PR7  02-26 16:00 → 03-02 16:00 → 03-05 12:00  W3  96+68+4 = 168h (linked to Bug 5002)
 *   PR8  03-05 08:00 → 03-05 09:00 → 03-05 14:00  W3  1+5+2   = 8h
 *   PR9  03-06 13:00 → 03-07 13:00 → 03-09 01:00  A2b 24+36+12 = 72h
 *   PR10 03-09 07:00 → 03-09 08:00 → 03-09 10:00  A2b 1+2+3   = 6h
 *   PR11 03-09 10:00 → 03-10 10:00 → 03-11 04:00  W4  24+18+6 = 48h
 *   PR12 03-10 22:00 → 03-11 01:00 → 03-11 06:00  W4  3+5+4   = 12h (linked to Bug 5001)
 *   C3   03-11 09:00 (commit, linked to incident 9002)  W4     1h
 *
 * Incidents:
 *   9001 created 03-03 13:00, completed 03-03 17:00 → last before: W2b (03-03 11:00)
 *   9002 created 03-10 09:00, completed 03-11 09:00, explicit link to W3 (the time rule would say A2b)
 *   9003 created 03-02 06:00, completed 03-02 12:00 → before any deployment: unattributed
 */
import type { BuildCommitsRecord, ChangeRecord } from '../../../../service/src/domain/delivery.ts';
import { commit, deployment, incident, pullRequest } from './fixtures.ts';

const web = (id: string, finished: string, build: number, sourceVersion: string, more = {}) =>
  deployment({ id, finished, build, pipeline: 1, sourceVersion, ...more });
const api = (id: string, finished: string, build: number, sourceVersion: string, more = {}) =>
  deployment({ id, finished, build, pipeline: 2, sourceVersion, ...more });

export const DEPLOYMENTS = [
  web('W1', '2026-03-02T10:00Z', 101, 'c1'),
  web('W2a', '2026-03-03T09:00Z', 102, 'm4', { outcome: 'failed' }),
  web('W2b', '2026-03-03T11:00Z', 102, 'm4', { attempt: 2 }),
  api('A1', '2026-03-03T15:00Z', 201, 'c2'),
  web('W3', '2026-03-05T16:00Z', 103, 'm8', { outcome: 'succeededWithIssues' }),
  web('W3r', '2026-03-06T08:00Z', 103, 'm8'),
  api('A2a', '2026-03-09T12:00Z', 202, 'm10', { outcome: 'failed' }),
  api('A2b', '2026-03-09T13:00Z', 202, 'm10', { attempt: 2 }),
  web('W4', '2026-03-11T10:00Z', 104, 'c3'),
  api('A3', '2026-03-13T18:00Z', 203, 'c3', { outcome: 'canceled' }),
  web('S4', '2026-03-11T08:00Z', 104, 'c3', { environment: 'Staging' }),
];

const pr = (id: number, firstCommit: string, created: string, merged: string, workItems: number[] = []) =>
  pullRequest({
    id,
    firstCommit: `2026-${firstCommit}Z`,
    created: `2026-${created}Z`,
    merged: `2026-${merged}Z`,
    shas: [`m${id}`],
    workItems,
  });

export const CHANGES: ChangeRecord[] = [
  pr(1, '02-27T10:00', '02-28T10:00', '03-01T10:00', [4001]),
  pr(2, '03-01T22:00', '03-02T01:00', '03-02T04:00'),
  commit({ sha: 'c1', authored: '2026-03-02T08:00Z' }),
  pr(3, '03-02T11:00', '03-02T14:00', '03-03T08:00'),
  pr(4, '03-01T11:00', '03-02T11:00', '03-03T10:00'),
  pr(5, '03-03T06:00', '03-03T07:00', '03-03T09:00'),
  commit({ sha: 'c2', authored: '2026-03-03T11:00Z' }),
  pr(6, '03-04T16:00', '03-05T04:00', '03-05T10:00'),
  pr(7, '02-26T16:00', '03-02T16:00', '03-05T12:00', [5002]),
  pr(8, '03-05T08:00', '03-05T09:00', '03-05T14:00'),
  pr(9, '03-06T13:00', '03-07T13:00', '03-09T01:00'),
  pr(10, '03-09T07:00', '03-09T08:00', '03-09T10:00'),
  pr(11, '03-09T10:00', '03-10T10:00', '03-11T04:00'),
  pr(12, '03-10T22:00', '03-11T01:00', '03-11T06:00', [5001]),
  commit({ sha: 'c3', authored: '2026-03-11T09:00Z', workItems: [9002] }),
];

const buildCommits = (buildId: number, commitShas: string[]): BuildCommitsRecord => ({
  buildId,
  commitShas,
  provenance: { rawPageId: 1 },
});

export const BUILD_COMMITS = [
  buildCommits(101, ['m1', 'm2', 'c1']),
  buildCommits(102, ['m3', 'm4']),
  buildCommits(201, ['m5', 'm3', 'c2']),
  buildCommits(103, ['m6', 'm7', 'm8']),
  buildCommits(202, ['m9', 'm10']),
  buildCommits(104, ['m11', 'm12', 'c3']),
];

export const INCIDENTS = [
  incident({ id: 9001, created: '2026-03-03T13:00Z', completed: '2026-03-03T17:00Z' }),
  incident({ id: 9002, created: '2026-03-10T09:00Z', completed: '2026-03-11T09:00Z', link: 'W3' }),
  incident({ id: 9003, created: '2026-03-02T06:00Z', completed: '2026-03-02T12:00Z' }),
];
