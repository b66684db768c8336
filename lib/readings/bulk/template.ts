// The file a company fills in: one line per register of each of its active meters, the account
// and serial already there, the value (and optionally the day it was read) left to type. CSV for
// Russian Excel (lib/readings/csv.ts) or XLSX with the number columns kept as text, so a serial's
// leading zeros survive.
import 'server-only';
import ExcelJS from 'exceljs';
import { type MeterForReadings } from '../cabinet';
import { toCsv } from '../csv';
import { zoneShortLabels } from '@/lib/tariffs/zones';
import { TEMPLATE_HEADER } from './columns';

function templateRows(meterList: readonly MeterForReadings[]): string[][] {
  return meterList.flatMap((m) =>
    m.registers.map((r) => [m.accountNumber, m.serialNumber, zoneShortLabels[r.zone], '', '']),
  );
}

export function readingsTemplateCsv(meterList: readonly MeterForReadings[]): string {
  return toCsv(TEMPLATE_HEADER, templateRows(meterList));
}

export async function readingsTemplateXlsx(meterList: readonly MeterForReadings[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Энергокабинет';
  const sheet = workbook.addWorksheet('Показания');
  sheet.columns = [
    { header: TEMPLATE_HEADER[0], width: 16, style: { numFmt: '@' } },
    { header: TEMPLATE_HEADER[1], width: 28, style: { numFmt: '@' } },
    { header: TEMPLATE_HEADER[2], width: 18 },
    { header: TEMPLATE_HEADER[3], width: 18, style: { numFmt: '0' } },
    { header: TEMPLATE_HEADER[4], width: 26, style: { numFmt: 'dd.mm.yyyy' } },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of templateRows(meterList)) sheet.addRow([row[0], row[1], row[2], null, null]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
