// The A4 document every PDF of the portal is drawn on (receipts, invoices, acts, offers, letters).
//
// PDFKit draws it; the text is set in DejaVu Sans, read at run time from the `dejavu-fonts-ttf`
// package (TrueType with Cyrillic and «₽»; PDFKit embeds only the glyphs used, with a ToUnicode map,
// so the text can be searched and copied). The built-in PDF fonts have no Cyrillic, so they are never
// loaded.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

// Static paths (the build traces them into the server output): the app runs from the project root.
export const FONT_REGULAR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf');
export const FONT_BOLD = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans-Bold.ttf');

const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 40;
export const CONTENT = A4.width - 2 * MARGIN;
export const INK = '#111827';
export const MUTED = '#4b5563';
const RULE = '#9ca3af';
const PAD = 4;

export type Doc = PDFKit.PDFDocument;

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
}

/** A new A4 document in our font and the promise of its bytes once `doc.end()` is called. */
export function startPdf(info: PdfInfo): { doc: Doc; done: Promise<Buffer> } {
  if (!fs.existsSync(FONT_REGULAR) || !fs.existsSync(FONT_BOLD)) {
    throw new Error(`PDF fonts missing: ${FONT_REGULAR} (is the dejavu-fonts-ttf package installed?)`);
  }
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // The default font would be Helvetica (no Cyrillic): start in ours so the built-in ones are never loaded.
    font: FONT_REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: 'Энергокабинет',
      CreationDate: info.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

/** A row's cells: `null` joins a cell to the one before it (a total's label spanning two columns). */
export type Cells = (string | null)[];

function cellLayout(columns: readonly Column[], cells: Cells) {
  const out: { text: string; x: number; width: number; align: 'left' | 'right' }[] = [];
  let x = MARGIN;
  cells.forEach((text, i) => {
    const col = columns[i]!;
    const last = out.at(-1);
    if (text === null && last) last.width += col.width;
    else out.push({ text: text ?? '', x, width: col.width, align: col.align });
    x += col.width;
  });
  return out;
}

function rowHeight(doc: Doc, columns: readonly Column[], cells: Cells, size = 9, bold = false): number {
  doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size);
  const heights = cellLayout(columns, cells).map((c) => doc.heightOfString(c.text, { width: c.width - 2 * PAD }));
  return Math.max(...heights) + 2 * PAD;
}

/** Draws one table row with a rule under it; returns the y below it. */
function drawRow(
  doc: Doc,
  columns: readonly Column[],
  y: number,
  cells: Cells,
  opts: { bold?: boolean; size?: number; fill?: string } = {},
): number {
  const size = opts.size ?? 9;
  const height = rowHeight(doc, columns, cells, size, opts.bold);
  if (opts.fill) doc.save().rect(MARGIN, y, CONTENT, height).fill(opts.fill).restore();
  for (const cell of cellLayout(columns, cells)) {
    doc
      .fillColor(INK)
      .text(cell.text, cell.x + PAD, y + PAD, { width: cell.width - 2 * PAD, align: cell.align, lineBreak: true });
  }
  horizontalRule(doc, y + height, 0.5);
  return y + height;
}

/** Draws a row on this page if it fits, else on a new one; returns the y below it. */
export function drawRowWithRoom(
  doc: Doc,
  columns: readonly Column[],
  y: number,
  cells: Cells,
  opts: { bold?: boolean; size?: number; fill?: string } = {},
): number {
  return drawRow(doc, columns, ensureRoom(doc, y, rowHeight(doc, columns, cells, opts.size, opts.bold)), cells, opts);
}

/** The header row of a table, shaded. */
export function drawHeaderRow(doc: Doc, columns: readonly Column[], y: number): number {
  return drawRow(
    doc,
    columns,
    y,
    columns.map((c) => c.title),
    { bold: true, size: 8.5, fill: '#f3f4f6' },
  );
}

/** Starts a new page when `needed` points do not fit; returns the y to draw at. */
export function ensureRoom(doc: Doc, y: number, needed: number): number {
  if (y + needed <= A4.height - MARGIN) return y;
  doc.addPage();
  return MARGIN;
}

/** A small grey label with its value under it; returns the y below. */
export function labelValue(doc: Doc, x: number, y: number, width: number, label: string, value: string): number {
  doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED).text(label, x, y, { width });
  const valueY = doc.y;
  doc.font(FONT_REGULAR).fontSize(9.5).fillColor(INK).text(value, x, valueY, { width });
  return doc.y + 4;
}

export function horizontalRule(doc: Doc, y: number, width = 0.75): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT, y)
    .lineWidth(width)
    .strokeColor(RULE)
    .stroke();
}
