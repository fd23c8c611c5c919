import { useState, type ReactNode } from 'react';
import type { DeliveryPath } from '../../../../../service/src/contract/delivery/query.ts';
import type { DeliveryPage } from '../../../../../service/src/contract/delivery/items.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import { downloadCsv } from '../../../format/csv.ts';
import { apiErrorText } from '../../../i18n/apiErrors.ts';
import { languageOf } from '../../../i18n/locale.ts';
import { useChanges, useDeployments, useIncidents, type DrillKind } from '../state/deliveryQueries.ts';
import type { DeliveryStrings } from '../strings/en.ts';
import { ChangesTable, DeploymentsTable, IncidentsTable } from './drillTables.tsx';

export const DRILL_PAGE_SIZE = 25;
const KINDS: readonly DrillKind[] = ['deployments', 'changes', 'incidents'];

interface DrillDownsProps {
  client: SeikaClient;
  path: DeliveryPath;
  range: { from: string; to: string };
  strings: DeliveryStrings;
  locale: string;
  timeZone: string;
}

/** Deployments, the changes each brought and incidents, a page at a time, each row linked to Azure DevOps. */
export function DrillDowns({ client, path, range, strings, locale, timeZone }: DrillDownsProps) {
  const [kind, setKind] = useState<DrillKind>('deployments');
  const [offset, setOffset] = useState(0);
  const query = { from: range.from, to: range.to, offset, limit: DRILL_PAGE_SIZE };
  const deployments = useDeployments(client, path, kind === 'deployments' ? query : null);
  const changes = useChanges(client, path, kind === 'changes' ? query : null);
  const incidents = useIncidents(client, path, kind === 'incidents' ? query : null);
  const d = strings.drill;
  const format = { strings, locale, timeZone };
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  // The whole list of the range, as the service writes it (the table shows one page).
  const downloadList = async () => {
    setCsvProblem(null);
    try {
      const csv = await client.getDeliveryCsv(path, kind, { from: range.from, to: range.to });
      downloadCsv(`delivery-${kind}-${range.from}-${range.to}.csv`, csv);
    } catch (error) {
      setCsvProblem(apiErrorText(error, languageOf(locale)));
    }
  };
  let body: ReactNode = <p role="status">{strings.loading}</p>;
  let page: DeliveryPage | null = null;
  const current = kind === 'deployments' ? deployments : kind === 'changes' ? changes : incidents;
  if (current.status === 'error') {
    body = (
      <p role="alert" className="seika-state seika-state-error">
        {apiErrorText(current.error, languageOf(locale))}
      </p>
    );
  } else if (kind === 'deployments' && deployments.status === 'success') {
    const items = deployments.data.items;
    page = deployments.data.page;
    body = <DeploymentsTable items={items} {...format} />;
  } else if (kind === 'changes' && changes.status === 'success') {
    const items = changes.data.items;
    page = changes.data.page;
    body = <ChangesTable items={items} {...format} />;
  } else if (kind === 'incidents' && incidents.status === 'success') {
    const items = incidents.data.items;
    page = incidents.data.page;
    body = <IncidentsTable items={items} {...format} />;
  }
  return (
    <section className="seika-card delivery-drill" data-testid="drill" aria-labelledby="delivery-drill-title">
      <div className="seika-card-head">
        <h2 id="delivery-drill-title" className="seika-card-title">
          {d.title}
        </h2>
        <div className="seika-card-actions">
          {page !== null && page.total > 0 && (
            <button type="button" className="seika-button" onClick={() => void downloadList()}>
              {d.downloadCsv}
            </button>
          )}
        </div>
      </div>
      {csvProblem !== null && (
        <p role="alert" className="delivery-error">
          {csvProblem}
        </p>
      )}
      <div className="delivery-drill-tabs" role="group" aria-label={d.title}>
        {KINDS.map((entry) => (
          <button
            key={entry}
            type="button"
            className="seika-button"
            data-drill={entry}
            aria-pressed={kind === entry}
            onClick={() => {
              setKind(entry);
              setOffset(0);
            }}
          >
            {d[entry]}
          </button>
        ))}
      </div>
      {page !== null && page.total === 0 ? <p data-testid="drill-empty">{d.empty}</p> : body}
      {page !== null && page.total > 0 && (
        <div className="delivery-pager">
          <span data-testid="drill-page" data-total={page.total}>
            {d.page(page.offset + 1, Math.min(page.offset + DRILL_PAGE_SIZE, page.total), page.total)}
          </span>
          <button
            type="button"
            className="seika-button"
            disabled={page.offset === 0}
            onClick={() => setOffset(Math.max(0, offset - DRILL_PAGE_SIZE))}
          >
            {d.previous}
          </button>
          <button
            type="button"
            className="seika-button"
            disabled={page.nextOffset === null}
            onClick={() => setOffset(page?.nextOffset ?? offset)}
          >
            {d.next}
          </button>
        </div>
      )}
    </section>
  );
}
