/** The CSV form of the delivery drill-downs: one row per item, columns as in the JSON. */
import type {
  DeliveryChangeItem,
  DeliveryChangesResponse,
  DeliveryDeploymentItem,
  DeliveryDeploymentsResponse,
  DeliveryIncidentItem,
  DeliveryIncidentsResponse,
  DeliveryResponseMeta,
} from '../../contract/index.ts';
import { toCsv } from '../csv.ts';
import type { CsvExport } from '../flow/csvExports.ts';

const list = (values: readonly (string | number)[]) => values.join(';');

export const DELIVERY_DEPLOYMENTS_CSV: CsvExport<DeliveryDeploymentsResponse, DeliveryDeploymentItem> = {
  name: 'delivery-deployments',
  rows: (response) => response.items,
  columns: [
    { header: 'ID', value: (row) => row.id },
    { header: 'Source', value: (row) => row.source },
    { header: 'Pipeline', value: (row) => row.pipelineName },
    { header: 'Pipeline Kind', value: (row) => row.pipelineKind },
    { header: 'Pipeline ID', value: (row) => row.pipelineId },
    { header: 'Target', value: (row) => row.target },
    { header: 'Attempt', value: (row) => row.attempt },
    { header: 'Outcome', value: (row) => row.outcome },
    { header: 'Started At', value: (row) => row.startedAt },
    { header: 'Finished At', value: (row) => row.finishedAt },
    { header: 'Finished On', value: (row) => row.finishedOn },
    { header: 'Build ID', value: (row) => row.buildId },
    { header: 'Release ID', value: (row) => row.releaseId },
    { header: 'Repository', value: (row) => row.repository },
    { header: 'Branch', value: (row) => row.sourceBranch },
    { header: 'Commit', value: (row) => row.sourceVersion },
    { header: 'Changes', value: (row) => list(row.changeIds) },
    { header: 'Delivered Changes', value: (row) => list(row.deliveredChangeIds) },
    { header: 'Incidents', value: (row) => list(row.incidentIds) },
    { header: 'Build URL', value: (row) => row.buildUrl },
    { header: 'Release URL', value: (row) => row.releaseUrl },
    { header: 'Commit URL', value: (row) => row.commitUrl },
  ],
};

export const DELIVERY_CHANGES_CSV: CsvExport<DeliveryChangesResponse, DeliveryChangeItem> = {
  name: 'delivery-changes',
  rows: (response) => response.items,
  columns: [
    { header: 'ID', value: (row) => row.id },
    { header: 'Kind', value: (row) => row.kind },
    { header: 'Repository', value: (row) => row.repository },
    { header: 'Pull Request', value: (row) => row.pullRequestId },
    { header: 'Commit', value: (row) => row.commitSha },
    { header: 'Target Branch', value: (row) => row.targetBranch },
    { header: 'First Commit At', value: (row) => row.firstCommitAt },
    { header: 'Pull Request Created At', value: (row) => row.pullRequestCreatedAt },
    { header: 'Merged At', value: (row) => row.mergedAt },
    { header: 'Deployment', value: (row) => row.deploymentId },
    { header: 'Deployed At', value: (row) => row.deployedAt },
    { header: 'Deployed On', value: (row) => row.deployedOn },
    { header: 'Lead Time (hours)', value: (row) => row.leadTimeHours },
    { header: 'Coding (hours)', value: (row) => row.codingHours },
    { header: 'Review (hours)', value: (row) => row.reviewHours },
    { header: 'Waiting For Deployment (hours)', value: (row) => row.waitingForDeploymentHours },
    { header: 'Coding To Deployment (hours)', value: (row) => row.codingToDeploymentHours },
    { header: 'Work Items', value: (row) => list(row.workItemIds) },
    { header: 'URL', value: (row) => row.url },
    { header: 'Deployment URL', value: (row) => row.deploymentUrl },
  ],
};

export const DELIVERY_INCIDENTS_CSV: CsvExport<DeliveryIncidentsResponse, DeliveryIncidentItem> = {
  name: 'delivery-incidents',
  rows: (response) => response.items,
  columns: [
    { header: 'ID', value: (row) => row.workItemId },
    { header: 'Title', value: (row) => row.title },
    { header: 'URL', value: (row) => row.url },
    { header: 'Created At', value: (row) => row.createdAt },
    { header: 'Created On', value: (row) => row.createdOn },
    { header: 'Completed At', value: (row) => row.completedAt },
    { header: 'Attribution', value: (row) => row.status },
    { header: 'Via', value: (row) => row.via },
    { header: 'Reason', value: (row) => row.reason },
    { header: 'Deployment', value: (row) => row.deploymentId },
    { header: 'Deployment URL', value: (row) => row.deploymentUrl },
    { header: 'Recovery (hours)', value: (row) => row.recoveryHours },
    { header: 'Restore (hours)', value: (row) => row.restoreHours },
  ],
};

const safe = (text: string) =>
  [...text].map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '_' : char)).join('');

/** seika-delivery-deployments_Shop_Checkout_2026-05-01_2026-05-31.csv (path separators and controls replaced). */
export function deliveryCsvFilename(
  name: string,
  meta: Pick<DeliveryResponseMeta, 'project' | 'team' | 'from' | 'to'>,
): string {
  const scope = meta.team === null ? safe(meta.project) : `${safe(meta.project)}_${safe(meta.team)}`;
  return `seika-${name}_${scope}_${meta.from}_${meta.to}.csv`;
}

export function renderDeliveryCsv<Response extends DeliveryResponseMeta, Row>(
  exported: CsvExport<Response, Row>,
  response: Response,
): { filename: string; body: string } {
  return {
    filename: deliveryCsvFilename(exported.name, response),
    body: toCsv(exported.columns, exported.rows(response)),
  };
}
