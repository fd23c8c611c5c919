import type { DataQualityFlagName } from '../../../../../service/src/contract/index.ts';
import type { FlowView } from '../state/urlState.ts';

const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);
const days = (count: number): string => `${count} ${plural(count, 'day', 'days')}`;
const items = (count: number, formatted = String(count)): string =>
  `${formatted} ${plural(count, 'item', 'items')}`;

/** The Flow hub's English strings; ja.ts implements the same shape. */
export const flowEn = {
  title: 'Flow',
  teamHeading: (team: string) => `Flow · ${team}`,
  switchTeam: 'Switch team',
  teamNameLabel: 'Team of this project',
  openTeam: 'Open',
  backToOwnTeam: (team: string) => `Back to ${team}`,
  views: {
    overview: 'Overview',
    aging: 'Aging WIP',
    cycleTime: 'Cycle time',
    throughput: 'Throughput & WIP',
    cumulativeFlow: 'Cumulative flow',
    forecast: 'Forecasts',
    quality: 'Data quality',
    settings: 'Team settings',
  } satisfies Record<FlowView, string>,
  viewsLabel: 'Flow views',
  filters: {
    label: 'Filters',
    range: 'Dates',
    preset: (count: number) => `Last ${count} days`,
    custom: 'Custom range',
    sprint: 'Sprint',
    from: 'From',
    to: 'To',
    types: 'Work item types',
    allTypes: 'All types',
    tags: 'Tags (comma-separated)',
    allTags: 'Items need every tag',
    area: 'Area path',
    apply: 'Apply',
    clear: 'Clear filters',
    daysIn: (from: string, to: string, zone: string) => `${from} – ${to} (days in ${zone})`,
  },
  states: {
    loading: 'Loading flow metrics…',
    firstSyncTitle: 'The first synchronisation is still running',
    firstSyncBody:
      'Seika is copying this organization’s work item history. The charts appear when it is done.',
    noDataTitle: 'No work items in this scope yet',
    noDataBody:
      'Nothing matches the team’s area paths, types and the filters in these dates. Widen the dates or clear filters.',
    tooFew: (count: number) =>
      `Only ${items(count)} completed: percentiles need at least 5 items, so they are withheld rather than misleading.`,
    staleTitle: (when: string) => `The data may be out of date: last synchronised ${when}`,
    staleBody:
      'Seika usually synchronises every few minutes. Check the synchronisation in Organization settings › Seika.',
    errorTitle: 'Seika could not load the flow metrics',
    retry: 'Try again',
    syncedAt: (when: string) => `Data as of ${when}`,
    neverSynced: 'Not synchronised yet',
    freshness: {
      firstSync: (percent: number | null) =>
        percent === null
          ? 'First synchronisation in progress'
          : `First synchronisation in progress (${percent}%)`,
      paced: (asOf: string, until: string) =>
        `Data as of ${asOf} · waiting for Azure DevOps's rate limit until ${until}`,
      stale: (asOf: string) => `Out of date: last synchronised ${asOf}`,
      failed: (asOf: string, nextTry: string | null) =>
        nextTry === null
          ? `Data as of ${asOf} · the last synchronisation failed`
          : `Data as of ${asOf} · the last synchronisation failed; next try ${nextTry}`,
      needsAccess: (asOf: string) =>
        `Data as of ${asOf} · synchronisation stopped: an administrator must renew Seika's access token`,
      never: 'Not synchronised yet',
    },
    withheld: 'Withheld (fewer than 5 items)',
  },
  chart: {
    showTable: 'Show as table',
    showChart: 'Show chart',
    downloadCsv: 'Download CSV',
    keyboardHint:
      'Use the arrow keys to move between points, Enter to list the items, Escape to close the card.',
    moreRows: (hidden: number) => `${hidden} more rows in the CSV.`,
    openItem: 'Open work item',
  },
  columns: {
    id: 'ID',
    title: 'Title',
    type: 'Type',
    state: 'State',
    day: 'Day',
    count: 'Items',
    age: 'Age (days)',
    pace: 'Pace',
    cycleTime: 'Cycle time (days)',
    leadTime: 'Lead time (days)',
    completed: 'Completed',
    started: 'Started',
    week: 'Week of',
    sprint: 'Sprint',
    wip: 'WIP',
    arrivals: 'Arrivals',
    flags: 'Flags',
    treatment: 'How Seika treats it',
    efficiency: 'Flow efficiency',
    active: 'Active hours',
    waiting: 'Waiting hours',
    percentile: 'Percentile',
    confidence: 'Confidence',
    date: 'Date',
    probability: 'Probability',
  },
  days,
  items,
  percent: (share: number) => `${Math.round(share * 100)}%`,
  overview: {
    wipToday: 'Work in progress today',
    throughput4w: 'Throughput, last 4 weeks',
    cycleTime: 'Cycle time',
    cycleTimeValue: (p50: number, p85: number) => `50%: ${days(p50)} · 85%: ${days(p85)}`,
    aging: 'Ageing past the 85th percentile',
    agingNone: 'No item in progress is older than 85% of recent work.',
    sle: 'Service level expectation',
    sleValue: (percentile: number, count: number) => `${percentile}% of items finish within ${days(count)}`,
    forecast: 'Next two weeks',
    forecastValue: (count: number, date: string) =>
      `At least ${items(count)} done by ${date} (85% confidence)`,
    freshness: 'Data freshness',
    openChart: (view: string) => `Open ${view}`,
    perWeek: (value: string) => `${value} a week on average`,
  },
  aging: {
    title: 'Aging work in progress',
    subtitle: (basis: string, from: string, to: string, count: number) =>
      `As of ${basis}. Zones from ${items(count)} completed ${from} – ${to}.`,
    groupBy: 'Columns',
    byColumn: 'Board column',
    byState: 'State',
    byCategory: 'Category',
    basis: 'As of',
    today: 'Today',
    axisAge: 'Age (days)',
    sleLine: (percentile: number, count: number) => `SLE ${percentile}% · ${count}d`,
    pace: (percentile: number | null) =>
      percentile === null
        ? 'Younger than every percentile line'
        : `Older than ${percentile}% of completed items`,
    card: (id: number, age: number) => `#${id} · ${days(age)} old`,
    chartLabel: (by: string) =>
      `Aging work in progress: one column per ${by.toLowerCase()}, items as dots at their age in days`,
    columnHeader: 'Board column',
    unknownColumn: 'Column unknown',
    fromState: (column: string) => `${column} (from its state)`,
    noBoard: 'This team has no board in Seika’s data, so items are grouped by state.',
    boardNote: (board: string, unknown: number) =>
      `Board “${board}”. WIP limits as set on the board today; counts are the items shown here (the team’s types, after filters).` +
      (unknown > 0
        ? ` ${items(unknown)} with no recorded column and a state no single column holds: under “Column unknown”.`
        : ''),
    columnsLabel: 'Board columns, items and WIP limits',
    limit: (count: number, limit: number) => `WIP ${count} / ${limit}`,
    columnCount: (count: number, limit: number | null) =>
      limit === null ? items(count) : `${items(count)}, WIP limit ${limit}`,
    overLimit: (count: number) => `over the limit by ${count}`,
    noWip: 'Nothing is in progress on this day.',
    zones: 'Zones: green below 50%, amber up to 85%, red beyond 85% of recently completed items.',
    legend: 'Pace',
    zoneWithin: (days: number) => `Within ${days}d (50%)`,
    zoneBetween: (from: number, to: number) => `${from}–${to}d`,
    zoneBeyond: (days: number) => `Past the SLE (${days}d)`,
  },
  cycleTime: {
    title: 'Cycle time',
    leadTitle: 'Lead time',
    leadSwitch: 'Lead time (from creation)',
    trend: 'Moving average and deviation band',
    legend: 'Work item types (click to show or hide)',
    axisCompleted: 'Completed',
    axisDays: 'Days',
    chartLabel: 'Scatterplot of completed items: completion day against days taken, coloured by type',
    group: (count: number, value: number) => `${items(count)} · ${days(value)}`,
    histogram: 'Distribution',
    histogramLabel: 'Histogram: number of items per cycle time in days',
    percentileLabel: (percentile: number, count: number) => `${percentile}% · ${count}d`,
    trendWindow: (count: number) => `Average over ${days(count)}`,
    sentence: (percentile: number, count: number) => `${percentile}% of items finished within ${days(count)}`,
    shown: (count: number, total: number) => `${count} of ${total} items shown`,
  },
  throughput: {
    title: 'Throughput',
    period: 'Per',
    day: 'Day',
    week: 'Week',
    sprint: 'Sprint',
    chartLabel: 'Throughput: items completed per period',
    total: (count: number) => `${items(count)} completed in these dates`,
    average: 'Moving average',
    wipTitle: 'WIP and arrivals',
    wipLabel: 'Run chart: items in progress at the end of each day and items started each day',
    wipAverage: (value: string) => `Average WIP ${value}`,
    arrivalsTotal: (count: number) => `${items(count)} started`,
  },
  cumulativeFlow: {
    title: 'Cumulative flow',
    by: 'Bands',
    byCategory: 'Category',
    byState: 'State',
    byColumn: 'Board column',
    noBoard: 'No board synchronised for this team.',
    chartLabel: 'Cumulative flow: items per band at the end of each day, stacked in workflow order',
    efficiencyTitle: 'Flow efficiency',
    efficiencyValue: (value: string) => `${value} of the time in progress was active work`,
    waitingStates: (states: string) => `Waiting states: ${states}`,
    noWaitingStates:
      'No waiting states are set for this team, so every started state counts as active (100%). Set them in Team settings.',
  },
  forecast: {
    title: 'Forecasts',
    method: (historyDays: number, trials: number) =>
      `Monte Carlo: ${trials.toLocaleString('en-US')} simulated futures, each day drawing the throughput of a random day from the last ${days(historyDays)} (quiet days included).`,
    history: 'History (days)',
    historyRange: (from: string, to: string, total: number) =>
      `History ${from} – ${to}: ${items(total)} completed`,
    howManyTitle: 'How many items by a date?',
    by: 'By',
    howManyAnswer: (confidence: number, count: number) => `${confidence}%: at least ${items(count)}`,
    whenTitle: 'When will N items be done?',
    itemsLabel: 'Items',
    whenAnswer: (confidence: number, date: string | null) =>
      date === null ? `${confidence}%: not within five years` : `${confidence}%: by ${date}`,
    distribution: 'Distribution',
    howManyChart: 'Distribution of items completed by the date across simulations',
    whenChart: 'Distribution of finishing dates across simulations',
    trials: 'Trials',
  },
  quality: {
    title: 'Data quality',
    subtitle: (count: number) => `${items(count)} flagged`,
    none: 'No item in these dates has a data-quality flag.',
    asOf: (day: string) => `Flags evaluated on the history up to the end of ${day}.`,
    flags: {
      skippedStart: 'Skipped start',
      reopened: 'Reopened',
      backwardMove: 'Moved backwards',
      multipleStarts: 'Started more than once',
      stateNotInCategory: 'State in no category',
    } satisfies Record<DataQualityFlagName, string>,
    treatment: {
      skippedStart: 'Counted in throughput; no cycle time.',
      reopened: 'Counted once, at its final completion.',
      backwardMove: 'Counted as usual; flagged so its history can be checked.',
      multipleStarts: 'Cycle time runs from the first start.',
      stateNotInCategory: 'Time in that state is not counted as in progress.',
    } satisfies Record<DataQualityFlagName, string>,
  },
  settings: {
    title: 'Team settings',
    note: 'Changes apply to everyone viewing this team and are recorded in the audit log.',
    readOnly:
      'Only the team’s administrators (or the project’s) change these settings; you can read them here.',
    startPoint: 'Start point',
    endPoint: 'End point',
    byCategory: 'State category (default)',
    byState: 'States',
    byColumn: 'Board column',
    waitingStates: 'Waiting states (flow efficiency)',
    workItemTypes: 'Work item types (none ticked: the team’s backlog types)',
    percentiles: 'Percentiles (comma-separated)',
    lookback: 'Lookback window (days)',
    timeZone: 'Time zone (IANA, empty: the organization’s)',
    weekStart: 'Week starts on',
    holidayCalendar: 'National holidays (removed from sprint working days)',
    holidayCalendarDefault: (effective: string) => `By time zone (now: ${effective})`,
    holidayCalendars: { japan: 'Japanese holidays', none: 'None' },
    historyDays: 'Forecast history (days)',
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Saved.',
    preview: 'Preview',
    previewBody: 'Cycle time over the current dates with the percentiles and time zone entered above:',
    previewOnly: 'The preview covers percentiles and time zone; other changes show after saving.',
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    invalid: 'Check the highlighted values.',
  },
  drill: {
    title: (what: string) => `Items behind: ${what}`,
    close: 'Close',
  },
};

export type FlowStrings = typeof flowEn;
