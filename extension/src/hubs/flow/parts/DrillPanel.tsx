import { useEffect, useRef } from 'react';
import { DataTable } from '../../../charts/DataTable.tsx';
import { downloadCsv, toCsv } from '../../../format/csv.ts';
import { useFlow, type DrillItem } from './flowContext.ts';

/** The items behind a clicked figure, linked to Azure DevOps, with their CSV. */
export function DrillPanel({
  title,
  items,
  onClose,
}: {
  title: string;
  items: readonly DrillItem[];
  onClose: () => void;
}) {
  const { strings } = useFlow();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [title, items]);
  const { columns: c } = strings;
  return (
    <section
      className="seika-card seika-drill"
      data-testid="drill-panel"
      aria-label={strings.drill.title(title)}
    >
      <div className="seika-card-head">
        <h2 className="seika-card-title" tabIndex={-1} ref={headingRef}>
          {strings.drill.title(title)}
        </h2>
        <div className="seika-card-actions">
          <button
            type="button"
            className="seika-button"
            onClick={() =>
              downloadCsv(
                'seika-items.csv',
                toCsv(
                  [c.id, c.title, c.type, title, 'URL'],
                  items.map((item) => [item.id, item.title, item.workItemType, item.detail, item.url]),
                ),
              )
            }
          >
            {strings.chart.downloadCsv}
          </button>
          <button type="button" className="seika-button" onClick={onClose}>
            {strings.drill.close}
          </button>
        </div>
      </div>
      <DataTable
        caption={strings.drill.title(title)}
        testId="drill-table"
        rows={items}
        rowKey={(item) => item.id}
        columns={[
          { header: c.id, cell: (item) => <ItemLink id={item.id} url={item.url} />, numeric: true },
          { header: c.title, cell: (item) => item.title },
          { header: c.type, cell: (item) => item.workItemType },
          { header: title, cell: (item) => item.detail },
        ]}
      />
    </section>
  );
}

export function ItemLink({ id, url, label }: { id: number; url: string; label?: string }) {
  return (
    <a href={url} target="_blank" rel="noreferrer" className="seika-link">
      {label ?? String(id)}
    </a>
  );
}
