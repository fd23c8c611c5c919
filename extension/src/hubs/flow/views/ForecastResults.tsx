import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { HowManyResponse, WhenResponse } from '../../../../../service/src/contract/index.ts';
import { countAxis, dayAxis } from '../../../charts/axes.ts';
import { DataTable } from '../../../charts/DataTable.tsx';
import { buildSeriesOptions } from '../../../charts/seriesChart.ts';
import { UPlotChart, type ChartBuildInput } from '../../../charts/UPlotChart.tsx';
import { daySeconds } from '../../../format/calendar.ts';
import { useFlow } from '../parts/flowContext.ts';
import { ChartHelp } from '../../../help/ChartHelp.tsx';

/** Answers at each confidence, then the distribution as a chart and a table. */
export function HowManyResult({ data }: { data: HowManyResponse }) {
  const { strings, locale, formatNumber } = useFlow();
  const f = strings.forecast;
  const c = strings.columns;
  const chartData = useMemo(
    (): uPlot.AlignedData => [
      data.distribution.map((entry) => entry.items),
      data.distribution.map((entry) => entry.trials),
    ],
    [data.distribution],
  );
  const points = useMemo(
    () => data.distribution.map((entry) => ({ x: entry.items, y: entry.trials })),
    [data.distribution],
  );
  const build = useCallback(
    (input: ChartBuildInput) =>
      buildSeriesOptions(
        {
          timeX: false,
          xAxis: (theme) => countAxis(c.count, theme, locale),
          yAxis: (theme) => countAxis(f.trials, theme, locale),
          series: [{ label: f.trials, kind: 'bars', color: (theme) => theme.pointStroke }],
        },
        input,
      ),
    [c.count, f.trials, locale],
  );
  return (
    <>
      <ul className="seika-answers" data-testid="how-many-answers">
        {data.confidences.map((entry) => (
          <li key={entry.confidence} data-confidence={entry.confidence} data-items={entry.items}>
            {f.howManyAnswer(entry.confidence, entry.items)}
          </li>
        ))}
      </ul>
      <div className="seika-card-title-row">
        <h3 className="seika-subheading">{f.distribution}</h3>
        <ChartHelp chart="forecastHowMany" title={f.howManyChart} />
      </div>
      <UPlotChart
        testId="how-many-chart"
        label={f.howManyChart}
        height={220}
        data={chartData}
        build={build}
        points={points}
        keyboardHint={strings.chart.keyboardHint}
        describe={(index) => {
          const entry = data.distribution[index];
          const text = entry
            ? `${strings.items(entry.items)}: ${formatNumber(entry.trials)} · ${strings.percent(entry.probabilityAtLeast)}`
            : '';
          return { text, card: <span>{text}</span> };
        }}
      />
    </>
  );
}

export function WhenResult({ data }: { data: WhenResponse }) {
  const { strings, locale, formatDay, formatNumber } = useFlow();
  const f = strings.forecast;
  const c = strings.columns;
  const chartData = useMemo(
    (): uPlot.AlignedData => [
      data.distribution.map((entry) => daySeconds(entry.date)),
      data.distribution.map((entry) => entry.trials),
    ],
    [data.distribution],
  );
  const points = useMemo(
    () => data.distribution.map((entry) => ({ x: daySeconds(entry.date), y: entry.trials })),
    [data.distribution],
  );
  const build = useCallback(
    (input: ChartBuildInput) =>
      buildSeriesOptions(
        {
          timeX: true,
          xAxis: (theme) => dayAxis(c.date, locale, theme),
          yAxis: (theme) => countAxis(f.trials, theme, locale),
          series: [{ label: f.trials, kind: 'bars', color: (theme) => theme.pointStroke }],
        },
        input,
      ),
    [c.date, f.trials, locale],
  );
  return (
    <>
      <ul className="seika-answers" data-testid="when-answers">
        {data.confidences.map((entry) => (
          <li key={entry.confidence} data-confidence={entry.confidence} data-date={entry.date ?? ''}>
            {f.whenAnswer(entry.confidence, entry.date === null ? null : formatDay(entry.date))}
          </li>
        ))}
      </ul>
      <div className="seika-card-title-row">
        <h3 className="seika-subheading">{f.distribution}</h3>
        <ChartHelp chart="forecastWhen" title={f.whenChart} />
      </div>
      <UPlotChart
        testId="when-chart"
        label={f.whenChart}
        height={220}
        data={chartData}
        build={build}
        points={points}
        keyboardHint={strings.chart.keyboardHint}
        describe={(index) => {
          const entry = data.distribution[index];
          const text = entry
            ? `${formatDay(entry.date)}: ${formatNumber(entry.trials)} · ${strings.percent(entry.probabilityByThen)}`
            : '';
          return { text, card: <span>{text}</span> };
        }}
      />
      <details>
        <summary>{strings.chart.showTable}</summary>
        <DataTable
          caption={f.distribution}
          rows={data.distribution}
          rowKey={(entry) => entry.date}
          columns={[
            { header: c.date, cell: (entry) => formatDay(entry.date) },
            { header: f.trials, cell: (entry) => formatNumber(entry.trials), numeric: true },
            {
              header: c.probability,
              cell: (entry) => strings.percent(entry.probabilityByThen),
              numeric: true,
            },
          ]}
        />
      </details>
    </>
  );
}
