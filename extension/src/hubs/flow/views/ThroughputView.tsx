import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';
import { countAxis, dayAxis } from '../../../charts/axes.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';
import { categoryColor, readChartTheme, type ChartTheme } from '../../../charts/chartTheme.ts';
import { DataTable } from '../../../charts/DataTable.tsx';
import { Legend } from '../../../charts/Legend.tsx';
import { buildSeriesOptions } from '../../../charts/seriesChart.ts';
import { UPlotChart, type ChartBuildInput } from '../../../charts/UPlotChart.tsx';
import { daySeconds } from '../../../format/calendar.ts';
import { toCsv } from '../../../format/csv.ts';
import { useFlow } from '../parts/flowContext.ts';
import { throughputBars } from './throughputSeries.ts';

/** Throughput per day, week or sprint, and the WIP / arrivals run chart. */
export function ThroughputView({ data }: { data: FlowSummaryResponse }) {
  const { strings, state, update, locale, formatDay, formatNumber, drill } = useFlow();
  const t = strings.throughput;
  const c = strings.columns;
  const bars = useMemo(() => throughputBars(data, state.period), [data, state.period]);
  const theme = readChartTheme();
  const daily = state.period === 'day';
  // Per day, the service's moving average (its run chart) is drawn over the bars.
  const average = useMemo(
    () =>
      daily
        ? bars.map((bar) => data.throughput.runChart.find((day) => day.day === bar.fromDay)?.average ?? null)
        : null,
    [daily, bars, data.throughput.runChart],
  );
  const barData = useMemo(
    (): uPlot.AlignedData => [
      bars.map((bar) => daySeconds(bar.fromDay)),
      bars.map((bar) => bar.count),
      ...(average ? [average] : []),
    ],
    [bars, average],
  );
  const barPoints = useMemo(() => bars.map((bar) => ({ x: daySeconds(bar.fromDay), y: bar.count })), [bars]);
  const axisLabel = state.period === 'day' ? c.day : state.period === 'week' ? c.week : c.sprint;
  const buildBars = useCallback(
    (input: ChartBuildInput) =>
      buildSeriesOptions(
        {
          timeX: true,
          xRange: [daySeconds(data.from) - 86_400, daySeconds(data.to) + 86_400],
          xAxis: (theme) => dayAxis(axisLabel, locale, theme),
          yAxis: (theme) => countAxis(c.count, theme, locale),
          series: [
            { label: c.count, kind: 'bars', color: (theme) => theme.pointStroke },
            ...(daily
              ? [
                  {
                    label: t.average,
                    kind: 'line' as const,
                    color: (theme: ChartTheme) => theme.trendLine,
                    dashed: true,
                  },
                ]
              : []),
          ],
        },
        input,
      ),
    [data.from, data.to, axisLabel, c.count, locale, daily, t.average],
  );
  const wipDays = data.wip.daily;
  const arrivals = data.wip.arrivals.daily;
  const wipData = useMemo(
    (): uPlot.AlignedData => [
      wipDays.map((day) => daySeconds(day.day)),
      wipDays.map((day) => day.count),
      arrivals.map((day) => day.count),
    ],
    [wipDays, arrivals],
  );
  const wipPoints = useMemo(
    () => wipDays.map((day) => ({ x: daySeconds(day.day), y: day.count })),
    [wipDays],
  );
  const buildWip = useCallback(
    (input: ChartBuildInput) =>
      buildSeriesOptions(
        {
          timeX: true,
          xAxis: (theme) => dayAxis(c.day, locale, theme),
          yAxis: (theme) => countAxis(c.count, theme, locale),
          series: [
            { label: c.wip, kind: 'line', color: (theme) => categoryColor(theme, 0) },
            { label: c.arrivals, kind: 'line', color: (theme) => categoryColor(theme, 1), dashed: true },
          ],
        },
        input,
      ),
    [c, locale],
  );
  const itemsBetween = (fromDay: string, toDay: string) =>
    data.cycleTime.items
      .filter((item) => item.completedOn >= fromDay && item.completedOn <= toDay)
      .map((item) => ({ ...item, detail: formatDay(item.completedOn) }));
  const barName = (index: number): string => {
    const bar = bars[index];
    if (!bar) return '';
    return state.period === 'sprint'
      ? bar.label
      : state.period === 'week'
        ? `${c.week} ${formatDay(bar.fromDay)}`
        : formatDay(bar.fromDay);
  };

  return (
    <div className="seika-view-grid">
      <ChartCard
        chartId="throughput"
        testId="throughput-card"
        title={t.title}
        subtitle={t.total(data.throughput.total)}
        strings={strings.chart}
        controls={
          <label>
            {t.period}{' '}
            <select
              className="seika-input"
              value={state.period}
              onChange={(e) =>
                update({
                  period: e.target.value === 'day' ? 'day' : e.target.value === 'sprint' ? 'sprint' : 'week',
                })
              }
            >
              <option value="day">{t.day}</option>
              <option value="week">{t.week}</option>
              <option value="sprint">{t.sprint}</option>
            </select>
          </label>
        }
        csv={() => ({
          fileName: `throughput-${state.period}.csv`,
          content: toCsv(
            [axisLabel, c.started, c.count],
            bars.map((bar) => [bar.label, bar.fromDay, bar.count]),
          ),
        })}
        chart={
          <UPlotChart
            testId="throughput-chart"
            label={t.chartLabel}
            height={300}
            data={barData}
            build={buildBars}
            points={barPoints}
            keyboardHint={strings.chart.keyboardHint}
            describe={(index) => {
              const mean = average?.[index];
              const text =
                `${barName(index)}: ${strings.items(bars[index]?.count ?? 0)}` +
                (mean === null || mean === undefined ? '' : ` · ${t.average} ${formatNumber(mean, 1)}`);
              return { text, card: <span>{text}</span> };
            }}
            onActivate={(index) => {
              const bar = bars[index];
              if (bar) drill(barName(index), itemsBetween(bar.fromDay, bar.toDay));
            }}
          />
        }
        table={
          <DataTable
            caption={t.title}
            testId="throughput-table"
            rows={bars}
            rowKey={(bar) => bar.fromDay}
            columns={[
              {
                header: axisLabel,
                cell: (bar) => (state.period === 'sprint' ? bar.label : formatDay(bar.fromDay)),
              },
              { header: c.count, cell: (bar) => bar.count, numeric: true },
            ]}
          />
        }
      />
      <ChartCard
        chartId="wip"
        testId="wip-card"
        title={t.wipTitle}
        subtitle={`${data.wip.average === null ? '' : t.wipAverage(formatNumber(data.wip.average, 1))} · ${t.arrivalsTotal(data.wip.arrivals.total)}`}
        strings={strings.chart}
        csv={() => ({
          fileName: 'wip-arrivals.csv',
          content: toCsv(
            [c.day, c.wip, c.arrivals],
            wipDays.map((day, index) => [day.day, day.count, arrivals[index]?.count ?? 0]),
          ),
        })}
        chart={
          <>
            <Legend
              label={t.wipTitle}
              entries={[
                { name: c.wip, color: categoryColor(theme, 0) },
                { name: c.arrivals, color: categoryColor(theme, 1) },
              ]}
            />
            <UPlotChart
              testId="wip-chart"
              label={t.wipLabel}
              height={300}
              data={wipData}
              build={buildWip}
              points={wipPoints}
              keyboardHint={strings.chart.keyboardHint}
              describe={(index) => {
                const day = wipDays[index];
                const text = day
                  ? `${formatDay(day.day)}: ${c.wip} ${day.count}, ${c.arrivals} ${arrivals[index]?.count ?? 0}`
                  : '';
                return { text, card: <span>{text}</span> };
              }}
            />
          </>
        }
        table={
          <DataTable
            caption={t.wipTitle}
            testId="wip-table"
            rows={wipDays}
            rowKey={(day) => day.day}
            columns={[
              { header: c.day, cell: (day) => formatDay(day.day) },
              { header: c.wip, cell: (day) => day.count, numeric: true },
              {
                header: c.arrivals,
                cell: (day) => arrivals.find((arrival) => arrival.day === day.day)?.count ?? 0,
                numeric: true,
              },
            ]}
          />
        }
      />
    </div>
  );
}
