/**
 * The sentences beside a figure that has no value: which data is missing, in words a person can act on.
 * "No data" must never read as a zero.
 */
import type { DeploymentDataGap } from '../../metrics/delivery/index.ts';
import type { IncidentRule } from '../../storage/delivery/repository.ts';
import type { DeliveryScope } from './scope.ts';

export interface MessageContext {
  project: string;
  scope: DeliveryScope;
  production: { environmentPattern: string; stagePattern: string };
  incidentRule: IncidentRule;
}

export interface Period {
  from: string;
  to: string;
}

function listed(values: readonly (string | number)[]): string {
  return values.length === 0 ? 'none' : values.join(', ');
}

function whose(context: MessageContext): string {
  return context.scope.kind === 'team' ? `team "${context.scope.team}"` : `project "${context.project}"`;
}

export function incidentRuleText(rule: IncidentRule): string {
  const types = rule.workItemTypes.join(' or ');
  return rule.tag === null ? `every ${types} work item` : `${types} work items tagged "${rule.tag}"`;
}

export function gapMessage(gap: DeploymentDataGap, context: MessageContext): string {
  if (gap.status === 'noDeploymentRecords') {
    if (context.scope.kind === 'team') {
      const { buildDefinitionIds, releaseDefinitionIds } = context.scope.mapping;
      return (
        `No deployment records for the pipelines mapped to team "${context.scope.team}" ` +
        `(build definitions ${listed(buildDefinitionIds)}; release definitions ${listed(releaseDefinitionIds)}).`
      );
    }
    return (
      `No deployment records for project "${context.project}": nothing has been synchronised from YAML ` +
      'environments, classic releases or pipeline stages.'
    );
  }
  const { environmentPattern, stagePattern } = context.production;
  return (
    `None of the deployments of ${whose(context)} goes to production: no environment or release stage ` +
    `matches /${environmentPattern}/i and no pipeline stage matches /${stagePattern}/i ` +
    `(targets seen: ${listed(gap.targetNamesSeen)}). Choose the production environments in the project's ` +
    'delivery settings.'
  );
}

export function noDeploymentsMessage(period: Period, context: MessageContext): string {
  return `No successful production deployment of ${whose(context)} finished between ${period.from} and ${period.to}.`;
}

export function noAttributedIncidentsMessage(period: Period, context: MessageContext): string {
  return (
    `No incident (${incidentRuleText(context.incidentRule)}) is attributed to the successful production ` +
    `deployments of ${whose(context)} that finished between ${period.from} and ${period.to}.`
  );
}

export function noIncidentsToRestoreMessage(period: Period, context: MessageContext): string {
  return (
    `No incident (${incidentRuleText(context.incidentRule)}) of ${whose(context)} was completed between ` +
    `${period.from} and ${period.to}, and none created then is still open.`
  );
}

export function noneRestoredMessage(period: Period, openIncidentIds: readonly number[]): string {
  return (
    `Incidents ${listed(openIncidentIds)} are still open: none was restored between ${period.from} and ` +
    `${period.to}.`
  );
}

export function noChangesMessage(
  period: Period,
  context: MessageContext,
  successfulDeployments: number,
): string {
  const repositories =
    context.scope.kind === 'team' ? ` from the repositories mapped to team "${context.scope.team}"` : '';
  return (
    `No change (pull request or commit)${repositories} could be linked to the ${successfulDeployments} ` +
    `successful production deployments between ${period.from} and ${period.to}.`
  );
}
