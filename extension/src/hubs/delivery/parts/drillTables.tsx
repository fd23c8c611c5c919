import type {
  DeliveryChangeItem,
  DeliveryDeploymentItem,
  DeliveryIncidentItem,
} from '../../../../../service/src/contract/delivery/items.ts';
import { DataTable } from '../../../charts/DataTable.tsx';
import { formatInstant } from '../../../format/calendar.ts';
import { formatHours } from '../state/deliveryFormat.ts';
import type { DeliveryStrings } from '../strings/en.ts';

interface TableProps<Item> {
  items: readonly Item[];
  strings: DeliveryStrings;
  locale: string;
  timeZone: string;
}

function Link({ href, children }: { href: string | null; children: string }) {
  return href === null ? (
    <>{children}</>
  ) : (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
    </a>
  );
}

function hours(value: number | null, strings: DeliveryStrings, locale: string): string {
  return value === null ? '—' : formatHours(value, strings.units, locale);
}

export function DeploymentsTable({ items, strings, locale, timeZone }: TableProps<DeliveryDeploymentItem>) {
  const c = strings.columns;
  return (
    <DataTable
      caption={strings.drill.deployments}
      testId="deployments-table"
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        { header: c.finished, cell: (item) => formatInstant(item.finishedAt, locale, timeZone) },
        {
          header: c.pipeline,
          cell: (item) => <Link href={item.buildUrl ?? item.releaseUrl}>{item.pipelineName}</Link>,
        },
        { header: c.target, cell: (item) => item.target },
        {
          header: c.outcome,
          cell: (item) => <span data-outcome={item.outcome}>{strings.outcome[item.outcome]}</span>,
        },
        { header: c.changes, cell: (item) => item.deliveredChangeIds.length, numeric: true },
        { header: c.incidents, cell: (item) => item.incidentIds.join(', ') },
        {
          header: c.run,
          cell: (item) => (
            <Link href={item.commitUrl}>
              {item.sourceVersion === null ? '—' : item.sourceVersion.slice(0, 8)}
            </Link>
          ),
        },
      ]}
    />
  );
}

export function ChangesTable({ items, strings, locale, timeZone }: TableProps<DeliveryChangeItem>) {
  const c = strings.columns;
  return (
    <DataTable
      caption={strings.drill.changes}
      testId="changes-table"
      rows={items}
      rowKey={(item) => item.id}
      columns={[
        {
          header: c.change,
          cell: (item) => (
            <Link href={item.url}>
              {item.pullRequestId === null
                ? (item.commitSha ?? item.id).slice(0, 8)
                : `!${item.pullRequestId}`}
            </Link>
          ),
        },
        { header: c.repository, cell: (item) => item.repository },
        {
          header: c.deployed,
          cell: (item) => (
            <Link href={item.deploymentUrl}>{formatInstant(item.deployedAt, locale, timeZone)}</Link>
          ),
        },
        { header: c.leadTime, cell: (item) => hours(item.leadTimeHours, strings, locale), numeric: true },
        { header: c.coding, cell: (item) => hours(item.codingHours, strings, locale), numeric: true },
        { header: c.review, cell: (item) => hours(item.reviewHours, strings, locale), numeric: true },
        {
          header: c.waiting,
          cell: (item) => hours(item.waitingForDeploymentHours, strings, locale),
          numeric: true,
        },
        {
          header: c.workItems,
          cell: (item) => (
            <>
              {item.workItemIds.map((id, index) => (
                <span key={id}>
                  {index > 0 && ', '}
                  <Link href={item.workItemUrls[index] ?? null}>{`#${id}`}</Link>
                </span>
              ))}
            </>
          ),
        },
      ]}
    />
  );
}

export function IncidentsTable({ items, strings, locale, timeZone }: TableProps<DeliveryIncidentItem>) {
  const c = strings.columns;
  const a = strings.attribution;
  return (
    <DataTable
      caption={strings.drill.incidents}
      testId="incidents-table"
      rows={items}
      rowKey={(item) => item.workItemId}
      columns={[
        {
          header: c.incident,
          cell: (item) => <Link href={item.url}>{`#${item.workItemId} ${item.title}`}</Link>,
        },
        { header: c.created, cell: (item) => formatInstant(item.createdAt, locale, timeZone) },
        {
          header: c.completed,
          cell: (item) =>
            item.completedAt === null ? '—' : formatInstant(item.completedAt, locale, timeZone),
        },
        {
          header: c.attribution,
          cell: (item) =>
            item.status === 'attributed' ? (
              <Link
                href={item.deploymentUrl}
              >{`${item.deploymentId ?? ''} (${item.via === null ? '' : a[item.via]})`}</Link>
            ) : item.reason === null ? (
              ''
            ) : (
              a[item.reason]
            ),
        },
        { header: c.recovery, cell: (item) => hours(item.recoveryHours, strings, locale), numeric: true },
      ]}
    />
  );
}
