/**
 * After a sync run stored delivery rows, each project's records are linked once more and kept with the
 * delivery data version they were read at (storage/delivery/linkedInput.ts): a restarted service's first
 * view of the project then reads that one row instead of every deployment, pull request commit and
 * build/changes answer, and links nothing. The bench's stores are made through storeLinkedInputs too.
 */
import type { ChangeRecord, DeploymentRecord } from '../../../domain/delivery.ts';
import { LinkTable } from '../../../metrics/delivery/linkTable.ts';
import type { DeliveryInput } from '../../../metrics/delivery/prepare.ts';
import type { LinkedDeliveryInput } from '../../../storage/delivery/linkedInput.ts';
import type { DeliveryRepository } from '../../../storage/delivery/repository.ts';
import { deliveryInputFrom } from './input.ts';

/**
 * The linked input's links as columns over its changes, as the engine groups them: by index when the
 * links were found over these very changes, else by id (the last change of an id, unknown ids dropped,
 * as groupChangesByBuild does).
 */
function linkColumns(input: Pick<DeliveryInput, 'changes' | 'links'>): LinkedDeliveryInput['links'] {
  const { links, changes } = input;
  if (links instanceof LinkTable && links.changes === changes) {
    return { buildIds: links.buildIds, changeIndices: links.changeIndices, evidence: links.evidence };
  }
  const objects = links instanceof LinkTable ? links.toArray() : links;
  const indexOf = new Map<string, number>();
  changes.forEach((change, index) => indexOf.set(change.id, index));
  const kept = objects.filter((link) => indexOf.has(link.changeId));
  return {
    buildIds: Float64Array.from(kept, (link) => link.buildId),
    changeIndices: Int32Array.from(kept, (link) => indexOf.get(link.changeId) ?? -1),
    evidence: Uint8Array.from(kept, (link) => (link.via === 'sourceVersion' ? 0 : 1)),
  };
}

/** What is kept of a change: linked already, a pull request's commit lists are not needed again. */
function withoutCommitLists(change: ChangeRecord): ChangeRecord {
  if (change.kind === 'commit') return change;
  const kept = { ...change, commitShas: [] };
  delete kept.ownCommits;
  return kept;
}

/**
 * Deployments in (finish, id) order, unfinished ones last: the order the engine sorts a view's attempts
 * into, so a view finds them sorted (finishOrder checks in one pass) and walks its records in memory order.
 */
function inFinishOrder(deployments: readonly DeploymentRecord[]): DeploymentRecord[] {
  const finish = (record: DeploymentRecord) => record.finishedAt ?? Number.POSITIVE_INFINITY;
  return [...deployments].sort((a, b) => finish(a) - finish(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A project's deployments and changes linked as the view would link them. */
export function linkedInputOf(
  dataVersion: number,
  records: Parameters<typeof deliveryInputFrom>[0],
): LinkedDeliveryInput {
  const input = deliveryInputFrom(records, { timeZone: 'UTC' });
  return {
    dataVersion,
    deployments: inFinishOrder(records.deployments),
    changes: input.changes.map(withoutCommitLists),
    links: linkColumns(input),
  };
}

/**
 * Links and stores each project's input unless the stored one is current. The version is read before the
 * rows: a write landing meanwhile leaves the stored input older than the project's version, so unused.
 */
export async function storeLinkedInputs(
  delivery: DeliveryRepository,
  organization: string,
  projects: Iterable<string>,
): Promise<number> {
  let stored = 0;
  for (const project of new Set(projects)) {
    const dataVersion = await delivery.deliveryDataVersion(organization, project);
    if ((await delivery.linkedInputVersion(organization, project)) === dataVersion) continue;
    const scope = [project];
    const [deployments, changes, buildCommits] = await Promise.all([
      delivery.listDeployments(organization, scope),
      delivery.listChanges(organization, scope),
      delivery.listBuildCommits(organization, scope),
    ]);
    const records = { deployments, changes, buildCommits, incidents: [], bugWorkItemIds: new Set<number>() };
    await delivery.saveLinkedInput(organization, project, linkedInputOf(dataVersion, records));
    stored += 1;
  }
  return stored;
}
