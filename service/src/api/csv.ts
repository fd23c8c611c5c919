/**
 * RFC 4180 CSV for item-level exports: CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, a header row, and a UTF-8 byte-order mark so Excel (Japanese locale included) reads UTF-8.
 */
import type { Response } from 'express';

export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | null;
}

const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe
 * (OWASP's CSV-injection advice). Numbers are written as numbers and never altered.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralised(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(column.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded (RFC 6266 / RFC 8187). */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Answers with a rendered export as a CSV attachment. */
export function sendCsv(response: Response, csv: { filename: string; body: string }): void {
  response.set('Content-Type', 'text/csv; charset=utf-8; header=present');
  response.set('Content-Disposition', attachmentDisposition(csv.filename));
  response.send(csv.body);
}
