import {
  DATA_QUALITY_FLAG_NAMES,
  type FlowSummaryResponse,
} from '../../../../../service/src/contract/index.ts';
import { DataTable } from '../../../charts/DataTable.tsx';
import { dayInZone } from '../../../format/calendar.ts';
import { toCsv } from '../../../format/csv.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';
import { ItemLink } from '../parts/DrillPanel.tsx';
import { useFlow } from '../parts/flowContext.ts';

/** Items whose history needs a second look, why, and how the metrics treat them. */
export function QualityView({ data }: { data: FlowSummaryResponse }) {
  const { strings, formatDay, timeZone } = useFlow();
  const q = strings.quality;
  const c = strings.columns;
  const { dataQuality } = data;
  return (
    <div className="seika-view-grid">
      <section className="seika-card" data-testid="quality-counts">
        <h2 className="seika-card-title">{q.title}</h2>
        <table className="seika-table">
          <caption className="seika-visually-hidden">{q.title}</caption>
          <thead>
            <tr>
              <th scope="col">{c.flags}</th>
              <th scope="col" className="numeric">
                {c.count}
              </th>
              <th scope="col">{c.treatment}</th>
            </tr>
          </thead>
          <tbody>
            {DATA_QUALITY_FLAG_NAMES.map((flag) => (
              <tr key={flag} data-flag={flag} data-count={dataQuality.counts[flag]}>
                <th scope="row">{q.flags[flag]}</th>
                <td className="numeric">{dataQuality.counts[flag]}</td>
                <td>{q.treatment[flag]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="secondary-text">{q.asOf(formatDay(dayInZone(new Date(dataQuality.asOf), timeZone)))}</p>
      </section>
      <ChartCard
        chartId="dataQuality"
        testId="quality-card"
        title={q.subtitle(dataQuality.items.length)}
        strings={strings.chart}
        csv={() => ({
          fileName: 'data-quality.csv',
          content: toCsv(
            [c.id, c.title, c.type, c.state, c.flags, 'URL'],
            dataQuality.items.map((item) => [
              item.id,
              item.title,
              item.workItemType,
              item.state,
              item.flags.map((flag) => q.flags[flag]).join('; '),
              item.url,
            ]),
          ),
        })}
        chart={
          dataQuality.items.length === 0 ? (
            <p>{q.none}</p>
          ) : (
            <DataTable
              caption={q.title}
              testId="quality-table"
              rows={dataQuality.items}
              rowKey={(item) => item.id}
              columns={[
                { header: c.id, cell: (item) => <ItemLink id={item.id} url={item.url} />, numeric: true },
                { header: c.title, cell: (item) => item.title },
                { header: c.type, cell: (item) => item.workItemType },
                { header: c.state, cell: (item) => item.state },
                { header: c.flags, cell: (item) => item.flags.map((flag) => q.flags[flag]).join(', ') },
                {
                  header: c.treatment,
                  cell: (item) => item.flags.map((flag) => q.treatment[flag]).join(' '),
                },
              ]}
            />
          )
        }
        table={
          <DataTable
            caption={q.title}
            rows={dataQuality.items.flatMap((item) =>
              item.history.map((step, index) => ({ item, step, index })),
            )}
            rowKey={(row) => `${row.item.id}-${row.index}`}
            columns={[
              { header: c.id, cell: (row) => row.item.id, numeric: true },
              { header: c.day, cell: (row) => row.step.day },
              { header: c.state, cell: (row) => `${row.step.state} (${row.step.category ?? '—'})` },
            ]}
          />
        }
      />
    </div>
  );
}
