import type { FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';
import { DataTable } from '../../../charts/DataTable.tsx';
import { toCsv } from '../../../format/csv.ts';
import { ItemLink } from '../parts/DrillPanel.tsx';
import { useFlow } from '../parts/flowContext.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';

/** Active ÷ (active + waiting) time, with the team's waiting states and the items behind it. */
export function FlowEfficiencyCard({ data }: { data: FlowSummaryResponse }) {
  const { strings, formatNumber } = useFlow();
  const f = strings.cumulativeFlow;
  const c = strings.columns;
  const { flowEfficiency: efficiency } = data;
  const percent = (value: number | null): string => (value === null ? '—' : strings.percent(value));
  const table = (
    <DataTable
      caption={f.efficiencyTitle}
      testId="efficiency-table"
      rows={efficiency.items}
      rowKey={(item) => item.id}
      limit={200}
      moreRows={strings.chart.moreRows}
      columns={[
        { header: c.id, cell: (item) => <ItemLink id={item.id} url={item.url} />, numeric: true },
        { header: c.title, cell: (item) => item.title },
        { header: c.type, cell: (item) => item.workItemType },
        { header: c.active, cell: (item) => formatNumber(item.activeHours, 1), numeric: true },
        { header: c.waiting, cell: (item) => formatNumber(item.waitingHours, 1), numeric: true },
        { header: c.efficiency, cell: (item) => percent(item.efficiency), numeric: true },
      ]}
    />
  );
  return (
    <ChartCard
      chartId="flowEfficiency"
      testId="efficiency-card"
      title={f.efficiencyTitle}
      strings={strings.chart}
      subtitle={
        efficiency.waitingStates.length > 0
          ? f.waitingStates(efficiency.waitingStates.join(', '))
          : f.noWaitingStates
      }
      csv={() => ({
        fileName: 'flow-efficiency.csv',
        content: toCsv(
          [c.id, c.title, c.type, c.active, c.waiting, c.efficiency, 'URL'],
          efficiency.items.map((item) => [
            item.id,
            item.title,
            item.workItemType,
            item.activeHours,
            item.waitingHours,
            item.efficiency,
            item.url,
          ]),
        ),
      })}
      chart={
        <div>
          <p
            className="seika-big-figure"
            data-testid="efficiency-value"
            data-value={efficiency.efficiency ?? ''}
          >
            {efficiency.efficiency === null ? '—' : f.efficiencyValue(percent(efficiency.efficiency))}
          </p>
          <div className="seika-meter" aria-hidden="true">
            <div
              className="seika-meter-fill"
              style={{ width: `${Math.round((efficiency.efficiency ?? 0) * 100)}%` }}
            />
          </div>
        </div>
      }
      table={table}
    />
  );
}
