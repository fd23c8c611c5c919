/**
 * Per-project delivery settings (table project_delivery_settings), scoped by organization like every other
 * row, and the data version the delivery API's ETags are derived from.
 */

export interface StoredDeliverySettings {
  /** The settings as JSON text; the service parses it with the contract's schema. */
  settings: string;
  /** ISO instant; strictly increases with every save of the project's settings. */
  updatedAt: string;
}

/** Everything an unchanged delivery answer depends on in storage, read in one round trip. */
export interface DeliveryDataVersion {
  settings: StoredDeliverySettings | undefined;
  /**
   * The project's delivery data version (storage/sql/dataVersions.ts): the highest of its delivery rows,
   * workflow and work items' areas (incidents and bugs are work items); 0 when nothing was written since
   * versions were kept. Pages of other projects leave it be.
   */
  dataVersion: number;
  /** The team's metadata version (its sprints); 0 without a team. */
  teamDataVersion: number;
  /** When the organization's last successful sync run finished: the answers' `syncedAt`. */
  lastSuccessfulSync: string | null;
  /** Whether anything of the project was synchronised (teams, workflow or deployments). */
  projectKnown: boolean;
  /** Whether the team's scope was synchronised; false when no team was asked for. */
  teamKnown: boolean;
}

export interface DeliverySettingsStore {
  get(organization: string, project: string): Promise<StoredDeliverySettings | undefined>;
  save(organization: string, project: string, settings: StoredDeliverySettings): Promise<void>;
  /** Back to defaults; false when nothing was stored. */
  remove(organization: string, project: string): Promise<boolean>;
  readVersion(organization: string, project: string, team: string | undefined): Promise<DeliveryDataVersion>;
}
