import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { DeliveryTrendResponse } from '../../../../../service/src/contract/delivery/responses.ts';
import { countAxis, dayAxis } from '../../../charts/axes.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';
import { DataTable } from '../../../charts/DataTable.tsx';
import { buildSeriesOptions } from '../../../charts/seriesChart.ts';
import { UPlotChart, type ChartBuildInput } from '../../../charts/UPlotChart.tsx';
import { daySeconds, formatDay } from '../../../format/calendar.ts';
import { toCsv } from '../../../format/csv.ts';
import { formatHours, formatRate } from '../state/deliveryFormat.ts';
import { periodValue } from '../state/tileModel.ts';
import type { DeliveryStrings } from '../strings/en.ts';
import type { DeliveryTile } from '../strings/keys.ts';

interface TrendCardProps {
  trend: DeliveryTrendResponse;
  tile: DeliveryTile;
  strings: DeliveryStrings;
  locale: string;
  chartStrings: { showTable: string; showChart: string; downloadCsv: string };
}

/** The chosen tile's figure per Monday-to-Sunday week: a line with its table alternative and CSV. */
export function TrendCard({ trend, tile, strings, locale, chartStrings }: TrendCardProps) {
  const weeks = trend.weekly;
  const values = useMemo(() => weeks.map((week) => periodValue(tile, week)), [weeks, tile]);
  const rate = tile === 'changeFailureRate' || tile === 'reworkRate';
  const hoursFigure = tile === 'leadTimeForChanges' || tile === 'recoveryTime';
  // Rates are drawn as percentages, durations in hours, so the axis reads whole numbers.
  const drawn = useMemo(
    () => values.map((value) => (value === null ? null : rate ? value * 100 : value)),
    [values, rate],
  );
  const show = (value: number | null): string =>
    value === null
      ? strings.trend.noValue
      : rate
        ? formatRate(value, locale)
        : hoursFigure
          ? formatHours(value, strings.units, locale)
          : new Intl.NumberFormat(locale).format(value);
  const figureName = strings.tiles[tile];
  const data = useMemo(
    (): uPlot.AlignedData => [weeks.map((week) => daySeconds(week.from)), drawn],
    [weeks, drawn],
  );
  const points = useMemo(
    () =>
      weeks.flatMap((week, index) => {
        const y = drawn[index];
        return y === null || y === undefined ? [] : [{ x: daySeconds(week.from), y, radius: 4 }];
      }),
    [weeks, drawn],
  );
  const pointWeeks = useMemo(() => weeks.filter((_week, index) => drawn[index] !== null), [weeks, drawn]);
  const yLabel = rate ? '%' : hoursFigure ? strings.units.hours('') : figureName;
  const build = useCallback(
    (input: ChartBuildInput) =>
      buildSeriesOptions(
        {
          timeX: true,
          xAxis: (theme) => dayAxis(strings.trend.week, locale, theme),
          yAxis: (theme) => countAxis(yLabel, theme, locale),
          series: [{ label: figureName, kind: 'line', color: (theme) => theme.pointStroke }],
        },
        input,
      ),
    [strings.trend.week, locale, yLabel, figureName],
  );
  return (
    <>
      <ChartCard
        chartId={`deliveryTrend.${tile}`}
        testId="trend-card"
        title={strings.trend.title}
        subtitle={strings.trend.subtitle(figureName)}
        strings={chartStrings}
        chart={
          <UPlotChart
            label={`${strings.trend.title}: ${figureName}`}
            height={220}
            data={data}
            build={build}
            points={points}
            keyboardHint={strings.trend.keyboardHint}
            testId="trend-chart"
            describe={(index) => {
              const week = pointWeeks[index];
              const text = week ? `${formatDay(week.from, locale)}: ${show(periodValue(tile, week))}` : '';
              return { text, card: <span>{text}</span> };
            }}
          />
        }
        table={
          <DataTable
            caption={strings.trend.title}
            testId="trend-table"
            columns={[
              { header: strings.trend.week, cell: (week) => formatDay(week.from, locale) },
              { header: figureName, cell: (week) => show(periodValue(tile, week)), numeric: true },
            ]}
            rows={weeks}
            rowKey={(week) => week.from}
          />
        }
        csv={() => ({
          fileName: `delivery-trend-${tile}-${trend.from}-${trend.to}.csv`,
          content: toCsv(
            ['weekStart', 'weekEnd', tile],
            weeks.map((week) => [week.from, week.to, periodValue(tile, week)]),
          ),
        })}
      />
      {trend.sprints.status === 'ok' && trend.sprints.items.length > 0 && (
        <section className="seika-card" data-testid="sprint-trend" aria-labelledby="delivery-sprint-trend">
          <h2 id="delivery-sprint-trend" className="seika-card-title">
            {strings.trend.perSprint}
          </h2>
          <DataTable
            caption={strings.trend.perSprint}
            columns={[
              { header: strings.trend.sprint, cell: (sprint) => sprint.name },
              {
                header: figureName,
                cell: (sprint) => show(periodValue(tile, sprint.figures)),
                numeric: true,
              },
            ]}
            rows={trend.sprints.items}
            rowKey={(sprint) => sprint.sprintId}
          />
        </section>
      )}
    </>
  );
}
