import type { ChangeRecord, DeploymentRecord, DeploymentRowSelector } from '../../domain/delivery.ts';

/**
 * A project's deployments and changes with the changes already linked to builds, as the sync stored them
 * after a run (sync/normalise/delivery/linkedInputs.ts), so that a restarted service's first view of a
 * large project reads one row instead of every deployment, commit and build/changes answer and links
 * nothing. It rests on delivery rows only: incidents, bugs and the delivery settings are read or applied
 * by each view, so no setting is part of its key.
 */
export interface LinkedDeliveryInput {
  /** The project's delivery data version read before its rows were: newer writes make it stale. */
  dataVersion: number;
  /** Every deployment of the project, or those a read selected (readLinkedInput). */
  deployments: DeploymentRecord[];
  /**
   * After carryAcrossBranches, in link order. Linked already, so a pull request's commit lists are not
   * kept: its `commitShas` is empty and `ownCommits` absent (a commit's `commitShas` is its SHA).
   */
  changes: ChangeRecord[];
  /** The links as LinkTable columns: build id, index into `changes`, evidence (0 sourceVersion, 1 buildChanges). */
  links: { buildIds: Float64Array; changeIndices: Int32Array; evidence: Uint8Array };
}

export interface LinkedInputStore {
  /** The project's delivery data version now (0 before any delivery write). */
  deliveryDataVersion(organization: string, project: string): Promise<number>;
  /** The version of the stored linked input, if any (current or not). */
  linkedInputVersion(organization: string, project: string): Promise<number | undefined>;
  saveLinkedInput(organization: string, project: string, input: LinkedDeliveryInput): Promise<void>;
  /**
   * The stored linked input when it was made at the project's current delivery data version, else
   * undefined; with `select`, of its deployments only those of the rows selected (its changes and links whole).
   */
  readLinkedInput(
    organization: string,
    project: string,
    select?: DeploymentRowSelector,
  ): Promise<LinkedDeliveryInput | undefined>;
}
