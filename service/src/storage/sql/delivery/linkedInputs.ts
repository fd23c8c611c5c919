/**
 * The stored linked input of each project (table delivery_linked_inputs, migration 20). It is used only
 * while the project's delivery data version is the one it was made at: every delivery write takes a new
 * stamp for the projects it touches (versions.ts), so a newer write makes it stale without deleting it.
 */
import type { DeploymentRowSelector } from '../../../domain/delivery.ts';
import type { LinkedDeliveryInput } from '../../delivery/linkedInput.ts';
import { integer, optionalInteger, text } from '../rows.ts';
import type { SqlExecutor } from '../sqlDatabase.ts';
import { decodeLinkedInput, encodeLinkedInput, LINKED_INPUT_FORMAT } from './linkedInputCodec.ts';

const DELIVERY_VERSION = `(SELECT version FROM data_versions
  WHERE organization = ? AND kind = 'delivery' AND project = ? AND name = '')`;

export async function readDeliveryDataVersion(
  executor: SqlExecutor,
  organization: string,
  project: string,
): Promise<number> {
  const row = await executor.get(`SELECT ${DELIVERY_VERSION} AS version`, [organization, project]);
  return row === undefined ? 0 : (optionalInteger(row, 'version') ?? 0);
}

/** The version of a stored input this code reads (one of an older format is linked again). */
export async function readLinkedInputVersion(
  executor: SqlExecutor,
  organization: string,
  project: string,
): Promise<number | undefined> {
  const row = await executor.get(
    'SELECT data_version FROM delivery_linked_inputs WHERE organization = ? AND project = ? AND format = ?',
    [organization, project, LINKED_INPUT_FORMAT],
  );
  return row === undefined ? undefined : integer(row, 'data_version');
}

/** Never replaces one made at a newer version (two instances' runs may link the same project at once). */
export async function writeLinkedInput(
  executor: SqlExecutor,
  organization: string,
  project: string,
  input: LinkedDeliveryInput,
): Promise<void> {
  await executor.run(
    `INSERT INTO delivery_linked_inputs
       (organization, project, data_version, format, deployment_count, change_count, link_count, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (organization, project) DO UPDATE SET data_version = excluded.data_version,
       format = excluded.format,
       deployment_count = excluded.deployment_count, change_count = excluded.change_count,
       link_count = excluded.link_count, body = excluded.body
     WHERE delivery_linked_inputs.data_version <= excluded.data_version`,
    [
      organization,
      project,
      input.dataVersion,
      LINKED_INPUT_FORMAT,
      input.deployments.length,
      input.changes.length,
      input.links.buildIds.length,
      encodeLinkedInput(input),
    ],
  );
}

/** One statement compares the stored version with the current one: no stale body is read at all. */
export async function readCurrentLinkedInput(
  executor: SqlExecutor,
  organization: string,
  project: string,
  select?: DeploymentRowSelector,
): Promise<LinkedDeliveryInput | undefined> {
  const row = await executor.get(
    `SELECT data_version, body FROM delivery_linked_inputs
     WHERE organization = ? AND project = ? AND format = ?
       AND data_version = COALESCE(${DELIVERY_VERSION}, 0)`,
    [organization, project, LINKED_INPUT_FORMAT, organization, project],
  );
  if (row === undefined) return undefined;
  return decodeLinkedInput(text(row, 'body'), integer(row, 'data_version'), select);
}
