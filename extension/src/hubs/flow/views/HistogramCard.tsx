import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { FlowSummaryResponse, PercentileLine } from '../../../../../service/src/contract/index.ts';
import { countAxis } from '../../../charts/axes.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';
import { DataTable } from '../../../charts/DataTable.tsx';
import { buildSeriesOptions } from '../../../charts/seriesChart.ts';
import { UPlotChart, type ChartBuildInput } from '../../../charts/UPlotChart.tsx';
import { toCsv } from '../../../format/csv.ts';
import type { ScatterItem } from '../charts/scatterChart.ts';
import { useFlow } from '../parts/flowContext.ts';
import { binItems } from './histogramBins.ts';

interface HistogramCardProps {
  data: FlowSummaryResponse;
  lead: boolean;
  items: readonly ScatterItem[];
  percentiles: readonly PercentileLine[];
}

/** How many items took each number of days: the service's bins for cycle time, the items' own for lead time. */
export function HistogramCard({ data, lead, items, percentiles }: HistogramCardProps) {
  const { strings, locale, drill } = useFlow();
  const s = strings.cycleTime;
  const c = strings.columns;
  const bins = useMemo(
    () => (lead ? binItems(items) : data.cycleTimeHistogram.bins),
    [lead, items, data.cycleTimeHistogram.bins],
  );
  const chartData = useMemo(
    (): uPlot.AlignedData => [bins.map((bin) => bin.days), bins.map((bin) => bin.count)],
    [bins],
  );
  const points = useMemo(() => bins.map((bin) => ({ x: bin.days, y: bin.count })), [bins]);
  const dayHeader = lead ? c.leadTime : c.cycleTime;
  const build = useCallback(
    (input: ChartBuildInput) =>
      buildSeriesOptions(
        {
          timeX: false,
          xRange: [0.5, Math.max(bins.length, 1) + 0.5],
          xAxis: (theme) => countAxis(dayHeader, theme, locale),
          yAxis: (theme) => countAxis(c.count, theme, locale),
          series: [{ label: c.count, kind: 'bars', color: (theme) => theme.pointStroke }],
        },
        input,
      ),
    [bins.length, dayHeader, c.count, locale],
  );
  return (
    <ChartCard
      chartId={lead ? 'leadTimeHistogram' : 'cycleTimeHistogram'}
      testId="histogram-card"
      title={s.histogram}
      subtitle={percentiles
        .flatMap((line) => (line.days === null ? [] : [s.sentence(line.percentile, line.days)]))
        .join(' · ')}
      strings={strings.chart}
      csv={() => ({
        fileName: 'histogram.csv',
        content: toCsv(
          [dayHeader, c.count],
          bins.map((bin) => [bin.days, bin.count]),
        ),
      })}
      chart={
        <UPlotChart
          testId="histogram-chart"
          label={s.histogramLabel}
          height={260}
          data={chartData}
          build={build}
          points={points}
          keyboardHint={strings.chart.keyboardHint}
          describe={(index) => {
            const bin = bins[index];
            const text = bin ? `${strings.days(bin.days)}: ${strings.items(bin.count)}` : '';
            return { text, card: <span>{text}</span> };
          }}
          onActivate={(index) => {
            const bin = bins[index];
            if (bin)
              drill(
                `${dayHeader} ${bin.days}`,
                items
                  .filter((item) => item.days === bin.days)
                  .map((item) => ({ ...item, detail: strings.days(item.days) })),
              );
          }}
        />
      }
      table={
        <DataTable
          caption={s.histogram}
          testId="histogram-table"
          rows={bins.filter((bin) => bin.count > 0)}
          rowKey={(bin) => bin.days}
          columns={[
            { header: dayHeader, cell: (bin) => bin.days, numeric: true },
            { header: c.count, cell: (bin) => bin.count, numeric: true },
          ]}
        />
      }
    />
  );
}
