/** A project's deployments as columns of the stored linked input (linkedInputCodec.ts), and back. */
import {
  blankDeploymentTarget,
  CLASSIC_DEPLOYMENT_STATUSES,
  DEPLOYMENT_OUTCOMES,
  ENVIRONMENT_DEPLOYMENT_RESULTS,
  type DeploymentRecord,
  type DeploymentRowSelector,
  type DeploymentSource,
  type DeploymentTargets,
} from '../../../domain/delivery.ts';
import { anyText, columnEncoders, columnReaders, oneOf, provenanceInterner, required } from './codecParts.ts';
import { numberOrNull } from './numberColumns.ts';
import type { Envelope } from './envelope.ts';
import type { ColumnMemory } from './typedArrayText.ts';

const SOURCES: readonly DeploymentSource[] = ['environment', 'classicRelease', 'pipelineStage'];
const RAW_RESULTS = [...ENVIRONMENT_DEPLOYMENT_RESULTS, ...CLASSIC_DEPLOYMENT_STATUSES];

export function encodeDeployments(records: readonly DeploymentRecord[]): Envelope {
  const { texts, numbers } = columnEncoders(records);
  return {
    count: records.length,
    id: texts((r) => r.id),
    source: texts((r) => r.source),
    project: texts((r) => r.project),
    pipelineId: numbers((r) => r.pipelineId),
    pipelineName: texts((r) => r.pipelineName),
    environmentName: texts((r) => r.environmentName),
    stageName: texts((r) => r.stageName),
    buildId: numbers((r) => r.buildId),
    releaseId: numbers((r) => r.releaseId),
    repository: texts((r) => r.repository),
    sourceBranch: texts((r) => r.sourceBranch),
    sourceVersion: texts((r) => r.sourceVersion),
    attempt: numbers((r) => r.attempt),
    queuedAt: numbers((r) => r.queuedAt),
    startedAt: numbers((r) => r.startedAt),
    finishedAt: numbers((r) => r.finishedAt),
    outcome: texts((r) => r.outcome),
    rawResult: texts((r) => r.rawResult),
    rawPageId: numbers((r) => r.provenance.rawPageId),
  };
}

/**
 * The deployments of the rows `select` keeps (every row without it): the selector reads the targets from
 * the columns, so rows it leaves out are never made into records. Columns are read in `memory` when given
 * (see typedArrayText.ts).
 */
export function decodeDeployments(
  envelope: Envelope,
  select?: DeploymentRowSelector,
  memory?: ColumnMemory,
): DeploymentRecord[] {
  const { count, texts, numbers } = columnReaders(envelope, memory);
  const [id, source, project, pipelineName] = [
    texts('id', anyText),
    texts('source', oneOf(SOURCES)),
    texts('project', anyText),
    texts('pipelineName', anyText),
  ];
  const [environmentName, stageName, repository, sourceBranch, sourceVersion] = [
    texts('environmentName', anyText),
    texts('stageName', anyText),
    texts('repository', anyText),
    texts('sourceBranch', anyText),
    texts('sourceVersion', anyText),
  ];
  const outcome = texts('outcome', oneOf(DEPLOYMENT_OUTCOMES));
  const rawResult = texts('rawResult', oneOf(RAW_RESULTS));
  const [pipelineId, buildId, releaseId, attempt] = [
    numbers('pipelineId'),
    numbers('buildId'),
    numbers('releaseId'),
    numbers('attempt'),
  ];
  const [queuedAt, startedAt, finishedAt, rawPageId] = [
    numbers('queuedAt'),
    numbers('startedAt'),
    numbers('finishedAt'),
    numbers('rawPageId'),
  ];
  // One target refilled per row: the selector reads each before asking for the next.
  const target = blankDeploymentTarget();
  const targets: DeploymentTargets = {
    count,
    at: (n) => {
      target.source = required(source.at(n), 'deployment source');
      target.project = required(project.at(n), 'deployment project');
      target.pipelineId = required(numberOrNull(pipelineId[n]), 'pipeline id');
      target.environmentName = environmentName.at(n);
      target.stageName = required(stageName.at(n), 'stage name');
      return target;
    },
  };
  const provenanceOf = provenanceInterner();
  const recordAt = (n: number): DeploymentRecord => ({
    id: required(id.at(n), 'deployment id'),
    source: required(source.at(n), 'deployment source'),
    project: required(project.at(n), 'deployment project'),
    pipelineId: required(numberOrNull(pipelineId[n]), 'pipeline id'),
    pipelineName: required(pipelineName.at(n), 'pipeline name'),
    environmentName: environmentName.at(n),
    stageName: required(stageName.at(n), 'stage name'),
    buildId: numberOrNull(buildId[n]),
    releaseId: numberOrNull(releaseId[n]),
    repository: repository.at(n),
    sourceBranch: sourceBranch.at(n),
    sourceVersion: sourceVersion.at(n),
    attempt: required(numberOrNull(attempt[n]), 'attempt'),
    queuedAt: numberOrNull(queuedAt[n]),
    startedAt: numberOrNull(startedAt[n]),
    finishedAt: numberOrNull(finishedAt[n]),
    outcome: required(outcome.at(n), 'outcome'),
    rawResult: required(rawResult.at(n), 'deployment result'),
    provenance: provenanceOf(required(numberOrNull(rawPageId[n]), 'raw page id')),
  });
  const rows = select?.(targets);
  const kept = rows?.length ?? count;
  const records = new Array<DeploymentRecord>(kept);
  for (let n = 0; n < kept; n++) {
    const row = rows === undefined ? n : (rows[n] ?? -1);
    if (row < 0 || row >= count || (n > 0 && rows !== undefined && row <= (rows[n - 1] ?? -1))) {
      throw new Error('A deployment row selection is not ascending rows of the stored list');
    }
    records[n] = recordAt(row);
  }
  return records;
}
