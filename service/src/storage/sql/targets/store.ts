import type {
  SprintKey,
  SprintTargetsStore,
  StoredSprintReview,
  StoredSprintTargets,
  TargetSnapshot,
} from '../../targets.ts';
import { integer, text } from '../rows.ts';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.ts';

/** Team names compare case-insensitively in Azure DevOps; rows store them lower-cased, iteration ids too. */
function keyOf(key: SprintKey): string[] {
  return [key.organization, key.project, key.team.toLowerCase(), key.iterationId.toLowerCase()];
}

export class SqlSprintTargetsStore implements SprintTargetsStore {
  constructor(private readonly database: SqlDatabase) {}

  async get(key: SprintKey): Promise<StoredSprintTargets | undefined> {
    const row = await this.database.get(
      `SELECT targets, updated_at FROM sprint_targets
       WHERE organization = ? AND project = ? AND team = ? AND iteration_id = ?`,
      keyOf(key),
    );
    return row === undefined
      ? undefined
      : { targets: text(row, 'targets'), updatedAt: text(row, 'updated_at') };
  }

  async save(key: SprintKey, stored: StoredSprintTargets): Promise<void> {
    await this.database.run(
      `INSERT INTO sprint_targets (organization, project, team, iteration_id, targets, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization, project, team, iteration_id) DO UPDATE SET targets = excluded.targets,
         updated_at = excluded.updated_at`,
      [...keyOf(key), stored.targets, stored.updatedAt],
    );
  }

  async listForTeam(organization: string, project: string, team: string) {
    const rows = await this.database.all(
      `SELECT iteration_id, targets, updated_at FROM sprint_targets
       WHERE organization = ? AND project = ? AND team = ? ORDER BY updated_at DESC, iteration_id`,
      [organization, project, team.toLowerCase()],
    );
    return rows.map((row) => ({
      iterationId: text(row, 'iteration_id'),
      targets: text(row, 'targets'),
      updatedAt: text(row, 'updated_at'),
    }));
  }

  async listSprints(organization: string) {
    const rows = await this.database.all(
      'SELECT project, team, iteration_id FROM sprint_targets WHERE organization = ? ORDER BY project, team, iteration_id',
      [organization],
    );
    return rows.map((row) => ({
      project: text(row, 'project'),
      team: text(row, 'team'),
      iterationId: text(row, 'iteration_id'),
    }));
  }

  async saveSnapshots(key: SprintKey, day: string, snapshots: readonly TargetSnapshot[]): Promise<void> {
    await this.database.transaction(async (executor) => {
      await executor.run(
        `DELETE FROM sprint_target_snapshots
         WHERE organization = ? AND project = ? AND team = ? AND iteration_id = ? AND day = ?`,
        [...keyOf(key), day],
      );
      for (const snapshot of snapshots) {
        await executor.run(
          `INSERT INTO sprint_target_snapshots
             (organization, project, team, iteration_id, day, target_index, kind, current_value, met_now, probability)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            ...keyOf(key),
            day,
            snapshot.targetIndex,
            snapshot.kind,
            snapshot.current,
            snapshot.metNow ? 1 : 0,
            snapshot.probability,
          ],
        );
      }
    });
  }

  async snapshots(key: SprintKey): Promise<TargetSnapshot[]> {
    const rows = await this.database.all(
      `SELECT day, target_index, kind, current_value, met_now, probability FROM sprint_target_snapshots
       WHERE organization = ? AND project = ? AND team = ? AND iteration_id = ? ORDER BY day, target_index`,
      keyOf(key),
    );
    return rows.map(snapshotOf);
  }

  async teamSnapshots(organization: string, project: string, team: string) {
    const rows = await this.database.all(
      `SELECT iteration_id, day, target_index, kind, current_value, met_now, probability FROM sprint_target_snapshots
       WHERE organization = ? AND project = ? AND team = ? ORDER BY iteration_id, day, target_index`,
      [organization, project, team.toLowerCase()],
    );
    return rows.map((row) => ({ ...snapshotOf(row), iterationId: text(row, 'iteration_id') }));
  }

  async getReview(key: SprintKey): Promise<StoredSprintReview | undefined> {
    const row = await this.database.get(
      `SELECT review, updated_at FROM sprint_reviews
       WHERE organization = ? AND project = ? AND team = ? AND iteration_id = ?`,
      keyOf(key),
    );
    return row === undefined
      ? undefined
      : { review: text(row, 'review'), updatedAt: text(row, 'updated_at') };
  }

  async saveReview(key: SprintKey, stored: StoredSprintReview): Promise<void> {
    await this.database.run(
      `INSERT INTO sprint_reviews (organization, project, team, iteration_id, review, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization, project, team, iteration_id) DO UPDATE SET review = excluded.review,
         updated_at = excluded.updated_at`,
      [...keyOf(key), stored.review, stored.updatedAt],
    );
  }
}

function snapshotOf(row: SqlRow): TargetSnapshot {
  const probability = row['probability'];
  return {
    day: text(row, 'day'),
    targetIndex: integer(row, 'target_index'),
    kind: text(row, 'kind'),
    current: Number(row['current_value']),
    metNow: integer(row, 'met_now') === 1,
    probability: probability === null || probability === undefined ? null : Number(probability),
  };
}
