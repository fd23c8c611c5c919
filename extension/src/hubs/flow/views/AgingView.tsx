import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { AgingItem, AgingZone, FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';
import { ChartCard } from '../../../charts/ChartCard.tsx';
import { DataTable } from '../../../charts/DataTable.tsx';
import { UPlotChart, type ChartBuildInput } from '../../../charts/UPlotChart.tsx';
import { toCsv } from '../../../format/csv.ts';
import {
  agingColumns,
  agingPlot,
  boardAgingColumns,
  buildAgingOptions,
  isOverLimit,
  paceZone,
  zoneColor,
  type AgingColumn,
} from '../charts/agingChart.ts';
import { readChartTheme } from '../../../charts/chartTheme.ts';
import { Legend } from '../../../charts/Legend.tsx';
import { ItemLink } from '../parts/DrillPanel.tsx';
import { useFlow } from '../parts/flowContext.ts';
import { MIN_SAMPLE } from './overviewFigures.ts';

const categoryOrder = ['InProgress', 'Resolved'];

type Grouping = 'column' | 'state' | 'category';

/** The stand-up view: every item in progress at its age, against how long finished work took. */
export function AgingView({ data }: { data: FlowSummaryResponse }) {
  const { strings, state, update, locale, formatDay, teamToday, drill } = useFlow();
  const a = strings.aging;
  const { aging } = data;
  const board = aging.board ?? null;
  // Board columns when the team has a board; asked for columns without one, states (and say so).
  const grouping: Grouping = state.agingBy === 'column' && board === null ? 'state' : state.agingBy;
  const byLabel = { column: a.byColumn, state: a.byState, category: a.byCategory }[grouping];
  const enough = aging.lookback.completedItems >= MIN_SAMPLE;
  const percentiles = useMemo(() => (enough ? aging.percentiles : []), [enough, aging.percentiles]);
  const columns = useMemo(() => {
    // States in workflow order, as the cumulative-flow bands list them.
    const stateOrder = data.cumulativeFlow.byState.bands.map((band) => band.name);
    const started = new Set(aging.items.map((item) => item.state));
    if (grouping === 'column' && board !== null) {
      return boardAgingColumns(board, aging.items, a.unknownColumn);
    }
    return grouping === 'category'
      ? agingColumns(aging.items, categoryOrder, (item) => item.category)
      : agingColumns(
          aging.items,
          stateOrder.filter((name) => started.has(name)),
          (item) => item.state,
        );
  }, [aging.items, grouping, board, a.unknownColumn, data.cumulativeFlow.byState.bands]);
  const unknownColumns = aging.items.filter((item) => item.boardColumnSource === 'unknown').length;
  const plot = useMemo(() => agingPlot(columns), [columns]);
  const chartData = useMemo((): uPlot.AlignedData => [[0], [null]], []);
  const build = useCallback(
    (input: ChartBuildInput) =>
      buildAgingOptions(
        {
          columns,
          plot,
          percentiles,
          slePercentile: 85,
          locale,
          labels: {
            axisAge: a.axisAge,
            column: byLabel,
            line: strings.cycleTime.percentileLabel,
            sle: a.sleLine,
            limit: a.limit,
          },
        },
        input,
      ),
    [columns, plot, percentiles, locale, a, byLabel, strings.cycleTime.percentileLabel],
  );
  const columnText = (item: AgingItem): string =>
    item.boardColumnSource === 'stateMapping' && item.boardColumn
      ? a.fromState(item.boardColumn)
      : (item.boardColumn ?? a.unknownColumn);
  const describe = (index: number) => {
    const item: AgingItem | undefined = plot.items[index];
    if (!item) return { text: '', card: null };
    const where = board === null ? item.state : `${item.state} · ${columnText(item)}`;
    const text = `${a.card(item.id, item.ageDays)}. ${item.title}. ${where}. ${a.pace(item.pacePassed)}`;
    return {
      text,
      card: (
        <div data-item-id={item.id}>
          <strong>{a.card(item.id, item.ageDays)}</strong>
          <div>{item.title}</div>
          <div className="secondary-text">
            {item.workItemType} · {where} · {strings.columns.started} {formatDay(item.startedOn)}
          </div>
          <div>{a.pace(item.pacePassed)}</div>
        </div>
      ),
    };
  };
  const lowest = percentiles.find((line) => line.percentile === 50)?.days ?? null;
  const sle = percentiles.find((line) => line.percentile === 85)?.days ?? null;
  const theme = readChartTheme();
  const count = (zone: AgingZone): number =>
    lowest === null || sle === null
      ? 0
      : aging.items.filter((item) => paceZone(item.ageDays, lowest, sle) === zone).length;
  const zoneLegend =
    lowest === null || sle === null
      ? null
      : [
          {
            name: a.zoneWithin(lowest),
            color: zoneColor(theme, 'withinLowest'),
            count: count('withinLowest'),
          },
          {
            name: a.zoneBetween(lowest + 1, sle),
            color: zoneColor(theme, 'between'),
            count: count('between'),
          },
          {
            name: a.zoneBeyond(sle),
            color: zoneColor(theme, 'beyondHighest'),
            count: count('beyondHighest'),
          },
        ];
  const c = strings.columns;
  const header = [c.id, c.title, c.type, c.state, a.columnHeader, c.age, c.pace, 'URL'];
  return (
    <ChartCard
      chartId="aging"
      testId="aging-card"
      title={a.title}
      subtitle={
        <>
          {a.subtitle(
            formatDay(aging.basis),
            formatDay(aging.lookback.fromDay),
            formatDay(aging.lookback.toDay),
            aging.lookback.completedItems,
          )}{' '}
          {enough ? a.zones : strings.states.tooFew(aging.lookback.completedItems)}{' '}
          {grouping === 'column' && board !== null && a.boardNote(board.name, unknownColumns)}
          {state.agingBy === 'column' && board === null && a.noBoard}
        </>
      }
      strings={strings.chart}
      controls={
        <>
          <label>
            {a.groupBy}{' '}
            <select
              className="seika-input"
              value={grouping}
              onChange={(e) => update({ agingBy: groupingOf(e.target.value) })}
            >
              {board !== null && <option value="column">{a.byColumn}</option>}
              <option value="state">{a.byState}</option>
              <option value="category">{a.byCategory}</option>
            </select>
          </label>
          <label>
            {a.basis}{' '}
            <input
              className="seika-input"
              type="date"
              value={aging.basis}
              max={teamToday}
              onChange={(e) =>
                update({
                  basis: e.target.value === '' || e.target.value === teamToday ? null : e.target.value,
                })
              }
            />
          </label>
          {state.basis !== null && (
            <button type="button" className="seika-button" onClick={() => update({ basis: null })}>
              {a.today}
            </button>
          )}
        </>
      }
      csv={() => ({
        fileName: `aging-${aging.basis}.csv`,
        content: toCsv(
          header,
          aging.items.map((item) => [
            item.id,
            item.title,
            item.workItemType,
            item.state,
            item.boardColumn ?? '',
            item.ageDays,
            item.pacePassed,
            item.url,
          ]),
        ),
      })}
      chart={
        aging.items.length === 0 ? (
          <p data-testid="aging-empty">{a.noWip}</p>
        ) : (
          <>
            {zoneLegend && <Legend label={a.legend} entries={zoneLegend} />}
            {grouping === 'column' && <ColumnLimits columns={columns} />}
            <UPlotChart
              testId="aging-chart"
              label={a.chartLabel(byLabel)}
              height={480}
              data={chartData}
              build={build}
              points={plot.points}
              describe={describe}
              keyboardHint={strings.chart.keyboardHint}
              onActivate={(index) => {
                const item = plot.items[index];
                if (item)
                  drill(a.card(item.id, item.ageDays), [{ ...item, detail: strings.days(item.ageDays) }]);
              }}
            />
          </>
        )
      }
      table={
        <DataTable
          caption={a.title}
          testId="aging-table"
          rows={aging.items}
          rowKey={(item) => item.id}
          columns={[
            { header: c.id, cell: (item) => <ItemLink id={item.id} url={item.url} />, numeric: true },
            { header: c.title, cell: (item) => item.title },
            { header: c.type, cell: (item) => item.workItemType },
            { header: c.state, cell: (item) => item.state },
            ...(board === null ? [] : [{ header: a.columnHeader, cell: columnText }]),
            { header: c.age, cell: (item) => item.ageDays, numeric: true },
            { header: c.pace, cell: (item) => a.pace(item.pacePassed) },
          ]}
        />
      }
    />
  );
}

function groupingOf(value: string): Grouping {
  return value === 'column' || value === 'category' ? value : 'state';
}

/** The board columns as text: items, WIP limit and whether over it (what the canvas draws, for everyone). */
function ColumnLimits({ columns }: { columns: readonly AgingColumn[] }) {
  const { strings } = useFlow();
  const a = strings.aging;
  return (
    <ul className="seika-legend" aria-label={a.columnsLabel} data-testid="aging-columns">
      {columns.map((column) => {
        const over = isOverLimit(column);
        return (
          <li
            key={column.name}
            className="seika-legend-item"
            data-column={column.name}
            data-count={column.items.length}
            data-limit={column.limit ?? ''}
            data-over={over}
          >
            <strong>{column.name}</strong>
            <span>{a.columnCount(column.items.length, column.limit ?? null)}</span>
            {over && column.limit !== undefined && (
              <strong>{a.overLimit(column.items.length - column.limit)}</strong>
            )}
          </li>
        );
      })}
    </ul>
  );
}
