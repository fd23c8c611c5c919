/**
 * A project's linked delivery input (storage/delivery/linkedInput.ts) as one stored text and back: every
 * field of every record a column (columns.ts), so that a record reads back equal to the one written.
 */
import type { DeploymentRowSelector } from '../../../domain/delivery.ts';
import { Arena } from '../../../metrics/delivery/scratch.ts';
import type { LinkedDeliveryInput } from '../../delivery/linkedInput.ts';
import { decodeChanges, encodeChanges } from './changeColumns.ts';
import { decodeNumbers, encodeNumbers } from './numberColumns.ts';
import { base64Of, int32Of, uint8Of } from './typedArrayText.ts';
import { decodeDeployments, encodeDeployments } from './deploymentColumns.ts';
import { envelopeOf, textField } from './envelope.ts';
import { framed, unframed } from './framing.ts';

/**
 * Bumped when the layout changes; a stored text of another format is not read (the sync writes it again).
 * 4: the layout of 3, its deployments written in finish order (a view then finds them sorted).
 */
export const LINKED_INPUT_FORMAT = 4;

export function encodeLinkedInput(input: LinkedDeliveryInput): string {
  return framed({
    format: LINKED_INPUT_FORMAT,
    deployments: encodeDeployments(input.deployments),
    changes: encodeChanges(input.changes),
    links: {
      buildIds: encodeNumbers(Array.from(input.links.buildIds)),
      changeIndices: base64Of(input.links.changeIndices),
      evidence: base64Of(input.links.evidence),
    },
  });
}

/** The columns of one read, reused from read to read (reading is synchronous: see typedArrayText.ts). */
const COLUMNS = new Arena();

/** undefined when the text is of another format; `select` picks the deployments to read (see decodeDeployments). */
export function decodeLinkedInput(
  body: string,
  dataVersion: number,
  select?: DeploymentRowSelector,
): LinkedDeliveryInput | undefined {
  // A text of format 1 was one JSON value: it is not framed, and of another format anyway.
  if (!body.startsWith(`{"format":${LINKED_INPUT_FORMAT},`)) return undefined;
  const envelope = envelopeOf(unframed(body), 'body');
  if (envelope['format'] !== LINKED_INPUT_FORMAT) return undefined;
  // Every column but the links' is read only while the records are made: in the arena, reset per read.
  COLUMNS.reset();
  const changes = decodeChanges(envelopeOf(envelope['changes'], 'changes'), COLUMNS);
  const links = envelopeOf(envelope['links'], 'links');
  const changeIndices = int32Of(textField(links, 'changeIndices'));
  const buildIds = decodeNumbers(textField(links, 'buildIds'), changeIndices.length);
  const evidence = uint8Of(textField(links, 'evidence'));
  if (changeIndices.length !== buildIds.length || evidence.length !== buildIds.length) {
    throw new Error('The stored links have columns of different lengths');
  }
  for (const index of changeIndices) {
    if (index < 0 || index >= changes.length) throw new Error('A stored link names no stored change');
  }
  return {
    dataVersion,
    deployments: decodeDeployments(envelopeOf(envelope['deployments'], 'deployments'), select, COLUMNS),
    changes,
    links: { buildIds, changeIndices, evidence },
  };
}
