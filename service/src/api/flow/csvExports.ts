/** The CSV form of each item-level answer: one row per item, columns as in the JSON. */
import type {
  AgingItem,
  AgingResponse,
  CompletedItem,
  CycleTimeResponse,
  DataQualityItem,
  DataQualityResponse,
  FlowResponseMeta,
  LeadTimeItem,
  LeadTimeResponse,
} from '../../contract/index.ts';
import type { CsvColumn } from '../csv.ts';
import { toCsv } from '../csv.ts';

export interface CsvExport<Response, Row> {
  /** File name stem; the team and range are appended. */
  name: string;
  rows(response: Response): readonly Row[];
  columns: readonly CsvColumn<Row>[];
}

/** Ties a row type to its columns, so a column cannot read a field its rows lack. */
function csvExport<Response, Row>(
  name: string,
  rows: (response: Response) => readonly Row[],
  columns: readonly CsvColumn<Row>[],
): CsvExport<Response, Row> {
  return { name, rows, columns };
}

const identity = <
  Row extends { id: number; title: string; workItemType: string; url: string },
>(): CsvColumn<Row>[] => [
  { header: 'ID', value: (row) => row.id },
  { header: 'Title', value: (row) => row.title },
  { header: 'Work Item Type', value: (row) => row.workItemType },
  { header: 'URL', value: (row) => row.url },
];

export const CYCLE_TIME_CSV = csvExport<CycleTimeResponse, CompletedItem>('cycle-time', (r) => r.items, [
  ...identity<CompletedItem>(),
  { header: 'Started At', value: (row) => row.startedAt },
  { header: 'Completed At', value: (row) => row.completedAt },
  { header: 'Completed On', value: (row) => row.completedOn },
  { header: 'Cycle Time (days)', value: (row) => row.cycleTimeDays },
  { header: 'Cycle Time (hours)', value: (row) => row.cycleTimeHours },
]);

export const LEAD_TIME_CSV = csvExport<LeadTimeResponse, LeadTimeItem>('lead-time', (r) => r.items, [
  ...identity<LeadTimeItem>(),
  { header: 'Created At', value: (row) => row.createdAt },
  { header: 'Completed At', value: (row) => row.completedAt },
  { header: 'Completed On', value: (row) => row.completedOn },
  { header: 'Lead Time (days)', value: (row) => row.leadTimeDays },
  { header: 'Lead Time (hours)', value: (row) => row.leadTimeHours },
]);

export const AGING_CSV = csvExport<AgingResponse, AgingItem>('aging', (r) => r.items, [
  ...identity<AgingItem>(),
  { header: 'State', value: (row) => row.state },
  { header: 'Category', value: (row) => row.category },
  { header: 'Started At', value: (row) => row.startedAt },
  { header: 'Started On', value: (row) => row.startedOn },
  { header: 'Age (days)', value: (row) => row.ageDays },
  { header: 'Pace Passed (percentile)', value: (row) => row.pacePassed },
  { header: 'Within (percentile)', value: (row) => row.within },
  { header: 'Zone', value: (row) => row.zone },
]);

export const DATA_QUALITY_CSV = csvExport<DataQualityResponse, DataQualityItem>(
  'data-quality',
  (r) => r.items,
  [
    ...identity<DataQualityItem>(),
    { header: 'State', value: (row) => row.state },
    { header: 'Flags', value: (row) => row.flags.join(';') },
    { header: 'States In No Category', value: (row) => row.unknownStates.join(';') },
  ],
);

/** seika-cycle-time_Web Team_2026-05-01_2026-05-31.csv (path separators and controls replaced). */
export function csvFilename(name: string, meta: FlowResponseMeta): string {
  const team = [...meta.team]
    .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('');
  return `seika-${name}_${team}_${meta.from}_${meta.to}.csv`;
}

export function renderCsv<Response extends FlowResponseMeta, Row>(
  exported: CsvExport<Response, Row>,
  response: Response,
): { filename: string; body: string } {
  return {
    filename: csvFilename(exported.name, response),
    body: toCsv(exported.columns, exported.rows(response)),
  };
}
