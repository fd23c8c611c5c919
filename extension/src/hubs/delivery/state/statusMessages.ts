import type { DeliveryResponseMeta } from '../../../../../service/src/contract/delivery/responses.ts';
import type { ProjectDeliverySettings } from '../../../../../service/src/contract/delivery/settings.ts';
import type { StatusContext } from '../strings/keys.ts';
import type { TileModel } from './tileModel.ts';

/** What every status sentence of one answer shares: whose figures, which days, which marks and rule. */
export type StatusBase = Omit<
  StatusContext,
  'targetNamesSeen' | 'openIncidentIds' | 'successfulDeployments' | 'from' | 'to'
>;

/**
 * The sentence parameters of an answer: the hub renders the service's reasons from its own string tables
 * (so they read in Japanese too) rather than showing the API's English `message`.
 */
export function statusBase(
  meta: Pick<DeliveryResponseMeta, 'project' | 'team' | 'scope' | 'production'>,
  incidents: ProjectDeliverySettings['incidents'],
): StatusBase {
  return {
    project: meta.project,
    team:
      meta.team === null
        ? null
        : {
            name: meta.team,
            buildDefinitionIds: meta.scope.kind === 'team' ? meta.scope.buildDefinitionIds : [],
            releaseDefinitionIds: meta.scope.kind === 'team' ? meta.scope.releaseDefinitionIds : [],
          },
    environmentPattern: meta.production.environmentPattern,
    stagePattern: meta.production.stagePattern,
    incidentTypes: incidents.workItemTypes,
    incidentTag: incidents.tag,
  };
}

/** One tile's sentence parameters: the answer's, the period's dates and the status's own. */
export function tileStatusContext(
  base: StatusBase,
  period: { from: string; to: string },
  model: Exclude<TileModel, { status: 'ok' }>,
): StatusContext {
  return {
    ...base,
    from: period.from,
    to: period.to,
    targetNamesSeen: model.targetNamesSeen,
    openIncidentIds: model.openIncidentIds,
    successfulDeployments: model.successfulDeployments,
  };
}
