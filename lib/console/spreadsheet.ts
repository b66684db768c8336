import 'server-only';
import ExcelJS from 'exceljs';
import { downloadResponse } from '@/lib/http/private-response';
import { toCsv, type CsvValue } from '@/lib/readings/csv';

// The staff lists' downloads (debtors, beneficiaries): the same header and rows as CSV for Russian
// Excel (lib/readings/csv: BOM, `;`, formula-looking cells neutralised) or as an XLSX sheet, where
// numbers stay numbers and text cells are typed as text, so nothing in them is run as a formula.

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetColumn {
  header: string;
  /** Column width in characters (XLSX). */
  width?: number;
  /** Number format of a numeric column (XLSX), e.g. `#,##0.00` for roubles. */
  numFmt?: string;
}

export interface SheetFile {
  body: Uint8Array;
  contentType: string;
  extension: SheetFormat;
}

export function parseSheetFormat(value: string | null): SheetFormat {
  return value === 'xlsx' ? 'xlsx' : 'csv';
}

async function xlsx(title: string, columns: readonly SheetColumn[], rows: readonly CsvValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? 18,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).values = columns.map((c) => c.header);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    // A string is written as a string cell: Excel never evaluates it, whatever it starts with.
    sheet.addRow(row.map((v) => (v === null || v === undefined ? null : v)));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The file in the chosen format. */
export async function sheetFile(
  format: SheetFormat,
  title: string,
  columns: readonly SheetColumn[],
  rows: readonly CsvValue[][],
): Promise<SheetFile> {
  if (format === 'xlsx') {
    return {
      body: await xlsx(title, columns, rows),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  }
  // Russian Excel reads «1234,56» as a number and «1234.56» as text or a date.
  const csv = toCsv(
    columns.map((c) => c.header),
    rows.map((row) =>
      row.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? String(v).replace('.', ',') : v)),
    ),
  );
  return { body: new TextEncoder().encode(csv), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
}

/** The download response (private, never cached, never sniffed). */
export function sheetResponse(file: SheetFile, stem: string): Response {
  return downloadResponse(
    { bytes: file.body, type: file.contentType, fileName: `${stem}.${file.extension}` },
    { download: true },
  );
}
