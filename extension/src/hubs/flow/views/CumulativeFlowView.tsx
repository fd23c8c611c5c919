import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';
import { countAxis, dayAxis } from '../../../charts/axes.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';
import { categoryColor, readChartTheme } from '../../../charts/chartTheme.ts';
import { DataTable } from '../../../charts/DataTable.tsx';
import { Legend } from '../../../charts/Legend.tsx';
import { buildSeriesOptions } from '../../../charts/seriesChart.ts';
import { UPlotChart, type ChartBuildInput } from '../../../charts/UPlotChart.tsx';
import { daySeconds } from '../../../format/calendar.ts';
import { toCsv } from '../../../format/csv.ts';
import { useFlow } from '../parts/flowContext.ts';
import { stackBands } from './cumulativeFlowSeries.ts';
import { FlowEfficiencyCard } from './FlowEfficiencyCard.tsx';

/** Cumulative flow by category, state or board column, and flow efficiency. */
export function CumulativeFlowView({ data }: { data: FlowSummaryResponse }) {
  const { strings, state, update, locale, formatDay } = useFlow();
  const f = strings.cumulativeFlow;
  const c = strings.columns;
  const byColumn = data.cumulativeFlow.byColumn;
  const chart =
    state.cfdBy === 'column' && byColumn
      ? byColumn
      : state.cfdBy === 'state'
        ? data.cumulativeFlow.byState
        : data.cumulativeFlow.byCategory;
  const bands = useMemo(() => stackBands(chart), [chart]);
  const chartData = useMemo(
    (): uPlot.AlignedData => [chart.days.map(daySeconds), ...bands.map((band) => band.tops)],
    [chart.days, bands],
  );
  const points = useMemo(
    () => chart.days.map((day, index) => ({ x: daySeconds(day), y: bands[0]?.tops[index] ?? 0 })),
    [chart.days, bands],
  );
  const build = useCallback(
    (input: ChartBuildInput) =>
      buildSeriesOptions(
        {
          timeX: true,
          xAxis: (theme) => dayAxis(c.day, locale, theme),
          yAxis: (theme) => countAxis(c.count, theme, locale),
          series: bands.map((band, index) => ({
            label: band.name,
            kind: 'area' as const,
            color: (theme) => categoryColor(theme, index),
          })),
        },
        input,
      ),
    [bands, c, locale],
  );
  const theme = readChartTheme();
  const describeDay = (index: number): string =>
    `${formatDay(chart.days[index] ?? '')}: ${bands.map((band) => `${band.name} ${band.counts[index] ?? 0}`).join(', ')}`;

  return (
    <div className="seika-view-grid">
      <ChartCard
        chartId="cumulativeFlow"
        testId="cfd-card"
        title={f.title}
        strings={strings.chart}
        controls={
          <label>
            {f.by}{' '}
            <select
              className="seika-input"
              value={state.cfdBy}
              onChange={(e) =>
                update({
                  cfdBy:
                    e.target.value === 'state'
                      ? 'state'
                      : e.target.value === 'column'
                        ? 'column'
                        : 'category',
                })
              }
            >
              <option value="category">{f.byCategory}</option>
              <option value="state">{f.byState}</option>
              {byColumn && <option value="column">{f.byColumn}</option>}
            </select>
          </label>
        }
        subtitle={
          state.cfdBy === 'column' && !byColumn ? f.noBoard : (data.cumulativeFlow.board ?? undefined)
        }
        csv={() => ({
          fileName: `cumulative-flow-${state.cfdBy}.csv`,
          content: toCsv(
            [c.day, ...bands.map((band) => band.name)],
            chart.days.map((day, index) => [day, ...bands.map((band) => band.counts[index] ?? 0)]),
          ),
        })}
        chart={
          <>
            <Legend
              label={f.by}
              entries={bands.map((band, index) => ({ name: band.name, color: categoryColor(theme, index) }))}
            />
            <UPlotChart
              testId="cfd-chart"
              label={f.chartLabel}
              height={360}
              data={chartData}
              build={build}
              points={points}
              keyboardHint={strings.chart.keyboardHint}
              describe={(index) => {
                const text = describeDay(index);
                return { text, card: <span>{text}</span> };
              }}
            />
          </>
        }
        table={
          <DataTable
            caption={f.title}
            testId="cfd-table"
            rows={chart.days.map((day, index) => ({ day, index }))}
            rowKey={(row) => row.day}
            columns={[
              { header: c.day, cell: (row) => formatDay(row.day) },
              ...bands.map((band) => ({
                header: band.name,
                cell: (row: { index: number }) => band.counts[row.index] ?? 0,
                numeric: true,
              })),
            ]}
          />
        }
      />
      <FlowEfficiencyCard data={data} />
    </div>
  );
}
