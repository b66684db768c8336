// A company's readings file, read into rows of text: CSV (UTF-8 with or without a BOM, or
// Windows-1251, which Russian Excel writes by default; `;`, `,` or tab, guessed by papaparse) or
// XLSX (exceljs). Nothing is judged here beyond the file itself: a file that cannot be read at all
// gets one Russian sentence; the rows go on to the same checks as the form (./verdicts.ts).
// Pure: no database.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type BulkColumn, columnOf, COLUMN_LABELS, REQUIRED_COLUMNS } from './columns';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** One multi-row insert of this many readings stays under Postgres's 65 535 parameters. */
const MAX_ROWS = 6000;

export type FileKind = 'csv' | 'xlsx';

export const FILE_MIME: Record<FileKind, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface FileRow {
  /** The line (CSV) or row (XLSX) number as the person sees it in their program. */
  line: number;
  account: string;
  serial: string;
  zone: string;
  value: string;
  date: string;
  /** A cell of the row holds a formula (refused, never evaluated). */
  formula: boolean;
}

export type ParsedFile = { ok: true; kind: FileKind; rows: FileRow[] } | { ok: false; reason: string };

const ENCODING =
  'Не удалось прочитать текст файла. Сохраните его как «CSV UTF-8» или «CSV (разделители — точка с запятой)» в кодировке Windows-1251 либо как книгу Excel (XLSX).';
const NOT_A_TABLE = 'Файл не похож на таблицу CSV или XLSX. Скачайте шаблон, заполните его и загрузите снова.';
const NO_COLUMNS = 'В первой строке файла нет столбцов';
const EMPTY = 'В файле нет ни одной строки с показаниями. Заполните шаблон и загрузите его снова.';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

function fileKindOf(bytes: Uint8Array): FileKind | null {
  // XLSX is a ZIP archive (`PK\x03\x04`); any other binary file has NUL bytes or control codes.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null;
  const head = bytes.subarray(0, 4096);
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) return null;
  return 'csv';
}

/** UTF-8 (a BOM or valid bytes), else Windows-1251 (`guessed`); null if neither reads as text. */
function decodeText(bytes: Uint8Array): { text: string; guessed: boolean } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), guessed: false };
    } catch {
      return null;
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), guessed: false };
  } catch {
    // Not UTF-8: Russian Excel's «CSV (разделители — точка с запятой)» writes Windows-1251.
    const text = new TextDecoder('windows-1251').decode(bytes);
    // 0x98 is the one byte Windows-1251 leaves undefined.
    return text.includes('\u0098') ? null : { text, guessed: true };
  }
}

function tooLarge(size: number): string | null {
  if (size === 0) return EMPTY;
  if (size > MAX_FILE_BYTES) return 'Файл больше 2\u00a0МБ. Разделите его на несколько файлов.';
  return null;
}

/** Header row → the column index of each known column; a refusal when a required one is missing. */
function headerMap(
  cells: readonly string[],
): { ok: true; map: Map<BulkColumn, number> } | { ok: false; reason: string } {
  const map = new Map<BulkColumn, number>();
  cells.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && !map.has(column)) map.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !map.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `${NO_COLUMNS} ${missing.map((c) => `«${COLUMN_LABELS[c]}»`).join(', ')}. Скачайте шаблон: первая строка — названия столбцов, дальше по строке на каждую зону прибора.`,
    };
  }
  return { ok: true, map };
}

function rowsFrom(
  table: readonly { line: number; cells: readonly string[]; formula?: boolean }[],
  kind: FileKind,
): ParsedFile {
  const filled = table.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return { ok: false, reason: EMPTY };
  const header = headerMap(filled[0]!.cells);
  if (!header.ok) return header;
  const body = filled.slice(1);
  if (body.length === 0) return { ok: false, reason: EMPTY };
  if (body.length > MAX_ROWS) {
    return {
      ok: false,
      reason: `В файле ${body.length} строк, а за один раз принимаем не больше ${MAX_ROWS}. Разделите его на несколько файлов.`,
    };
  }
  const cell = (r: (typeof body)[number], column: BulkColumn) => {
    const i = header.map.get(column);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  return {
    ok: true,
    kind,
    rows: body.map((r) => ({
      line: r.line,
      account: cell(r, 'account'),
      serial: cell(r, 'serial'),
      zone: cell(r, 'zone'),
      value: cell(r, 'value'),
      date: cell(r, 'date'),
      formula: r.formula ?? false,
    })),
  };
}

function parseCsv(bytes: Uint8Array): ParsedFile {
  const decoded = decodeText(bytes);
  if (decoded === null) return { ok: false, reason: ENCODING };
  const parsed = Papa.parse<string[]>(decoded.text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    return {
      ok: false,
      reason: `Файл повреждён: в строке ${(broken.row ?? 0) + 1} не закрыта кавычка. Сохраните таблицу заново и загрузите её.`,
    };
  }
  const result = rowsFrom(
    parsed.data.map((cells, i) => ({ line: i + 1, cells })),
    'csv',
  );
  // Not UTF-8 and the header unreadable: perhaps another encoding (KOI8-R, DOS) that Windows-1251 cannot read.
  if (!result.ok && decoded.guessed && result.reason.startsWith(NO_COLUMNS)) {
    return {
      ok: false,
      reason: `${result.reason} Если столбцы в файле названы верно, сохраните его в кодировке UTF-8.`,
    };
  }
  return result;
}

/** The text a cell shows, and whether it is a formula (its cached result is never used). */
function cellText(cell: ExcelJS.Cell): { text: string; formula: boolean } {
  if (cell.type === ExcelJS.ValueType.Formula) return { text: '', formula: true };
  const value = cell.value;
  if (value === null || value === undefined) return { text: '', formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if (typeof value === 'number') {
    return { text: Number.isInteger(value) ? String(value) : String(value).replace('.', ','), formula: false };
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { text: '', formula: true };
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), formula: false };
    if ('text' in value) return { text: String(value.text), formula: false };
    if ('error' in value) return { text: String(value.error), formula: false };
  }
  return { text: String(value), formula: false };
}

async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return {
      ok: false,
      reason: 'Книгу Excel не удалось открыть: файл повреждён или это не XLSX. Сохраните её заново и загрузите.',
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: EMPTY };
  if (sheet.rowCount > MAX_ROWS + 1) {
    return {
      ok: false,
      reason: `На листе ${sheet.rowCount} строк, а за один раз принимаем не больше ${MAX_ROWS}. Разделите его на несколько файлов.`,
    };
  }
  const table: { line: number; cells: string[]; formula: boolean }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    let formula = false;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const read = cellText(cell);
      cells[column - 1] = read.text;
      formula ||= read.formula;
    });
    table.push({ line, cells: Array.from(cells, (c) => c ?? ''), formula });
  });
  return rowsFrom(table, 'xlsx');
}

export async function parseReadingsFile(bytes: Uint8Array): Promise<ParsedFile> {
  const size = tooLarge(bytes.length);
  if (size) return { ok: false, reason: size };
  const kind = fileKindOf(bytes);
  if (kind === null) {
    const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
    return { ok: false, reason: utf16 ? ENCODING : NOT_A_TABLE };
  }
  return kind === 'xlsx' ? parseXlsx(bytes) : parseCsv(bytes);
}
