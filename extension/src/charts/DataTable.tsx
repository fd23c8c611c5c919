import type { ReactNode } from 'react';

export interface TableColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Long tables show the first rows; the CSV has them all. */
  limit?: number;
  moreRows?: (hidden: number) => string;
  testId?: string;
}

/** The data-table alternative every chart offers (and the lists themselves). A plain, accessible table. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  limit,
  moreRows,
  testId,
}: DataTableProps<Row>) {
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  return (
    <div className="seika-table-wrap">
      <table className="seika-table" data-testid={testId} data-row-count={rows.length}>
        <caption className="seika-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column) => (
                <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < rows.length && moreRows && (
        <p className="secondary-text">{moreRows(rows.length - shown.length)}</p>
      )}
    </div>
  );
}
