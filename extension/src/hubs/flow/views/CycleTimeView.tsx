import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';
import { readChartTheme, categoryColor } from '../../../charts/chartTheme.ts';
import { DataTable } from '../../../charts/DataTable.tsx';
import { Legend } from '../../../charts/Legend.tsx';
import { UPlotChart, type ChartBuildInput } from '../../../charts/UPlotChart.tsx';
import { toCsv } from '../../../format/csv.ts';
import {
  buildScatterChartOptions,
  groupCoincident,
  groupPoints,
  type ScatterItem,
} from '../charts/scatterChart.ts';
import { ItemLink } from '../parts/DrillPanel.tsx';
import { useFlow } from '../parts/flowContext.ts';
import { HistogramCard } from './HistogramCard.tsx';
import { MIN_SAMPLE } from './overviewFigures.ts';

const emptyData: uPlot.AlignedData = [[0], [null]];

/** Cycle (or lead) time scatterplot coloured by type, with percentile lines, trend band and histogram. */
export function CycleTimeView({ data }: { data: FlowSummaryResponse }) {
  const { strings, state, update, locale, formatDay, drill } = useFlow();
  const s = strings.cycleTime;
  const lead = state.leadTime;
  const allItems = useMemo(
    (): ScatterItem[] =>
      lead
        ? data.leadTime.items.map((item) => ({ ...item, days: item.leadTimeDays }))
        : data.cycleTime.items.map((item) => ({ ...item, days: item.cycleTimeDays })),
    [lead, data.leadTime.items, data.cycleTime.items],
  );
  const types = useMemo(() => [...new Set(allItems.map((item) => item.workItemType))].sort(), [allItems]);
  const hidden = state.hiddenTypes;
  const shown = useMemo(
    () => allItems.filter((item) => !hidden.includes(item.workItemType)),
    [allItems, hidden],
  );
  const groups = useMemo(() => groupCoincident(shown, types), [shown, types]);
  const points = useMemo(() => groupPoints(groups, shown.length), [groups, shown.length]);
  const enough = allItems.length >= MIN_SAMPLE;
  const percentiles = enough ? (lead ? data.leadTime.percentiles : data.cycleTime.percentiles) : [];
  const trend = state.trend && !lead ? data.cycleTimeTrend.days : null;
  const build = useCallback(
    (input: ChartBuildInput) =>
      buildScatterChartOptions(
        {
          groups,
          points,
          from: data.from,
          to: data.to,
          percentiles,
          trend,
          locale,
          labels: {
            axisCompleted: s.axisCompleted,
            axisDays: lead ? strings.columns.leadTime : strings.columns.cycleTime,
            line: s.percentileLabel,
          },
        },
        input,
      ),
    [groups, points, data.from, data.to, percentiles, trend, locale, s, lead, strings.columns],
  );
  const theme = readChartTheme();
  const title = lead ? s.leadTitle : s.title;
  const dayHeader = lead ? strings.columns.leadTime : strings.columns.cycleTime;
  const c = strings.columns;
  const describe = (index: number) => {
    const group = groups[index];
    if (!group) return { text: '', card: null };
    const first = group.items[0];
    const text =
      group.items.length === 1 && first
        ? `#${first.id} ${first.title}. ${strings.days(group.days)}. ${c.completed} ${formatDay(group.completedOn)}`
        : `${s.group(group.items.length, group.days)}. ${c.completed} ${formatDay(group.completedOn)}`;
    return {
      text,
      card: (
        <div
          data-item-id={group.items.length === 1 ? first?.id : undefined}
          data-group-size={group.items.length}
        >
          {group.items.length === 1 && first ? (
            <>
              <strong>#{first.id}</strong> {first.title}
              <div className="secondary-text">{first.workItemType}</div>
            </>
          ) : (
            <strong>{s.group(group.items.length, group.days)}</strong>
          )}
          <div>
            {dayHeader}: {group.days}
          </div>
          <div>
            {c.completed}: {formatDay(group.completedOn)}
          </div>
        </div>
      ),
    };
  };

  return (
    <div className="seika-view-grid seika-cycle-grid">
      <ChartCard
        chartId={lead ? 'leadTimeScatter' : 'cycleTimeScatter'}
        testId="scatter-card"
        title={title}
        subtitle={
          <>
            {s.shown(shown.length, allItems.length)}
            {enough
              ? percentiles.flatMap((line) =>
                  line.days === null ? [] : [` · ${s.sentence(line.percentile, line.days)}`],
                )
              : ` · ${strings.states.tooFew(allItems.length)}`}
          </>
        }
        strings={strings.chart}
        controls={
          <>
            <label className="seika-check">
              <input
                type="checkbox"
                checked={lead}
                onChange={(e) => update({ leadTime: e.target.checked })}
              />
              {s.leadSwitch}
            </label>
            {!lead && (
              <label className="seika-check">
                <input
                  type="checkbox"
                  checked={state.trend}
                  onChange={(e) => update({ trend: e.target.checked })}
                />
                {s.trend}
              </label>
            )}
          </>
        }
        csv={() => ({
          fileName: `${lead ? 'lead' : 'cycle'}-time-${data.from}-${data.to}.csv`,
          content: toCsv(
            [c.id, c.title, c.type, c.completed, dayHeader, 'URL'],
            shown.map((item) => [
              item.id,
              item.title,
              item.workItemType,
              item.completedOn,
              item.days,
              item.url,
            ]),
          ),
        })}
        chart={
          <>
            <Legend
              label={s.legend}
              entries={types.map((type, index) => ({
                name: type,
                color: categoryColor(theme, index),
                count: allItems.filter((item) => item.workItemType === type).length,
                hidden: hidden.includes(type),
              }))}
              onToggle={(type) =>
                update({
                  hiddenTypes: hidden.includes(type) ? hidden.filter((t) => t !== type) : [...hidden, type],
                })
              }
            />
            <UPlotChart
              testId="scatter-chart"
              label={s.chartLabel}
              height={420}
              data={emptyData}
              build={build}
              points={points}
              describe={describe}
              keyboardHint={strings.chart.keyboardHint}
              onActivate={(index) => {
                const group = groups[index];
                if (group)
                  drill(
                    `${dayHeader} ${group.days} · ${formatDay(group.completedOn)}`,
                    group.items.map((item) => ({ ...item, detail: strings.days(item.days) })),
                  );
              }}
            />
          </>
        }
        table={
          <DataTable
            caption={title}
            testId="scatter-table"
            rows={shown}
            rowKey={(item) => item.id}
            limit={500}
            moreRows={strings.chart.moreRows}
            columns={[
              { header: c.id, cell: (item) => <ItemLink id={item.id} url={item.url} />, numeric: true },
              { header: c.title, cell: (item) => item.title },
              { header: c.type, cell: (item) => item.workItemType },
              { header: c.completed, cell: (item) => formatDay(item.completedOn) },
              { header: dayHeader, cell: (item) => item.days, numeric: true },
            ]}
          />
        }
      />
      <HistogramCard data={data} lead={lead} items={allItems} percentiles={percentiles} />
    </div>
  );
}
