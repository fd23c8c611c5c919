/** A seeded year of delivery records for the tests that compare two ways of computing the same report. */
import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
} from '../../../../service/src/domain/delivery.ts';
import { createRandom } from '../../../../service/src/metrics/forecast/random.ts';
import { commit, deployment, incident, pullRequest } from './fixtures.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A seeded year: builds on main and a release branch, redeploys, failures and incidents; with `promote`,
 * pull requests promoting the release branch onto main, carrying its pull requests.
 */
export function generatedRecords(promote: boolean) {
  const random = createRandom(29);
  const deployments: DeploymentRecord[] = [];
  const changes: ChangeRecord[] = [];
  const buildCommits: BuildCommitsRecord[] = [];
  const start = Date.UTC(2026, 0, 1);
  let pending: string[] = [];
  for (let build = 1; build <= 300; build++) {
    const builtAt = start + build * 26 * 3_600_000;
    const branch = build % 7 === 0 ? 'refs/heads/release' : 'refs/heads/main';
    const shas = [`m${build}`, `a${build}`];
    changes.push(
      random() < 0.8
        ? pullRequest({
            id: build,
            firstCommit: iso(builtAt - 30 * 3_600_000),
            created: iso(builtAt - 20 * 3_600_000),
            merged: iso(builtAt - 3_600_000),
            shas,
            workItems: [build % 11],
            branch,
          })
        : commit({
            sha: `m${build}`,
            authored: iso(builtAt - 5 * 3_600_000),
            workItems: [build % 13],
            branch,
          }),
    );
    // Every fifth build promotes the last release PR onto main, carrying it.
    if (promote && build % 5 === 0 && build > 7) {
      const carried = Math.floor(build / 7) * 7;
      changes.push(
        pullRequest({
          id: 10_000 + build,
          firstCommit: iso(builtAt - 40 * 3_600_000),
          created: iso(builtAt - 10 * 3_600_000),
          merged: iso(builtAt - 2 * 3_600_000),
          shas: [`p${build}`, `m${carried}`, `a${carried}`],
        }),
      );
      // Squashed: only its own merge commit reaches main.
      shas.push(`p${build}`);
    }
    pending.push(...shas);
    if (branch !== 'refs/heads/main' || random() < 0.3) continue;
    buildCommits.push({ buildId: build, commitShas: pending, provenance: { rawPageId: build } });
    pending = [];
    const finished = iso(builtAt + 2 * 3_600_000);
    if (random() < 0.1) {
      deployments.push(
        deployment({ id: `f${build}`, finished, build, outcome: 'failed', sourceVersion: `m${build}` }),
      );
    }
    deployments.push(
      deployment({ id: `p${build}`, finished, build, sourceVersion: `m${build}`, attempt: 2 }),
    );
    if (random() < 0.05) {
      const later = iso(builtAt + 30 * 3_600_000);
      deployments.push(deployment({ id: `r${build}`, finished: later, build, sourceVersion: `m${build}` }));
    }
    deployments.push(deployment({ id: `s${build}`, finished, build, environment: 'Staging' }));
  }
  const incidents = Array.from({ length: 40 }, (_, n) =>
    incident({
      id: 90_000 + n,
      created: iso(start + n * 190 * 3_600_000),
      completed: n % 3 === 0 ? null : iso(start + n * 190 * 3_600_000 + 5 * 3_600_000),
      link: n % 10 === 0 ? (deployments.find((d) => d.id.startsWith('p'))?.id ?? null) : null,
    }),
  );
  return { deployments, changes, buildCommits, incidents, bugWorkItemIds: new Set([1, 2, 3, 5, 8]) };
}
