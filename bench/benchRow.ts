/** One measured figure; every area's benchmark returns a list of these. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The aim, in words, e.g. "< 200 ms". */
  target?: string;
}

export function formatTable(section: string, rows: readonly BenchRow[]): string {
  const width = Math.max(...rows.map((row) => row.name.length), 10);
  const lines = rows.map((row) => {
    const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(row.value < 10 ? 2 : 1);
    return `  ${row.name.padEnd(width)}  ${`${value} ${row.unit}`.padStart(16)}  ${row.target ?? ''}`;
  });
  return [`${section}`, ...lines].join('\n');
}
