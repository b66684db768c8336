// CSV for Russian Excel: UTF-8 with a BOM (without it Excel reads the bytes as Windows-1251), `;` as
// the separator (the Russian locale's list separator; `,` is the decimal comma), CRLF line ends and
// RFC 4180 quoting. Pure: no database.

export type CsvValue = string | number | null | undefined;

export const CSV_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP «CSV injection»): `=`, `+`, `-`,
 * `@`, and tab / carriage return, which some programs skip before looking for one of those.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text that a spreadsheet would run as a formula gets a leading `'` (shown as text, not
 * run); a cell holding the separator, a quote or a line break is quoted with inner quotes doubled.
 * Numbers are written as they are (a reading is never negative, and a number is never a formula).
 */
export function csvCell(value: CsvValue, separator = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[], separator = ';'): string {
  return cells.map((cell) => csvCell(cell, separator)).join(separator);
}

export interface CsvOptions {
  separator?: string;
  /** Prefix the UTF-8 byte order mark (default true: Excel needs it to read UTF-8). */
  bom?: boolean;
}

/** The whole file: header line, then the rows, each line ending with CRLF. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const { separator = ';', bom = true } = options;
  if (separator.length !== 1 || separator === '"' || separator === '\n' || separator === '\r') {
    throw new RangeError(`Unusable CSV separator: ${JSON.stringify(separator)}`);
  }
  const lines = [csvLine(header, separator)];
  for (const row of rows) {
    if (row.length !== header.length)
      throw new RangeError(`A row has ${row.length} cells, the header ${header.length}`);
    lines.push(csvLine(row, separator));
  }
  return `${bom ? CSV_BOM : ''}${lines.join('\r\n')}\r\n`;
}
