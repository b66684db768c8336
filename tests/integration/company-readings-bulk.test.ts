// A company's readings file, on a company of three metering points read monthly since July, on
// 21 November 2026 (inside the 15–25 window): the parser reads every encoding, separator and XLSX and refuses a broken file with one
// sentence; each row gets the readings form's verdict; the one confirmation writes every accepted
// row or, when anything changed since the preview, nothing; 5 000 rows go through in one go; and
// nobody outside the company's engineer and owner reaches another's file or meters.
import ExcelJS from 'exceljs';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, meters, readings, storedFiles } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import type { TariffZone } from '@/lib/tariffs/zones';
import { parseReadingsFile } from '@/lib/readings/bulk/parse';
import { confirmReadingsUpload, readingsUpload, storeReadingsFile } from '@/lib/readings/bulk/upload';
import { submitReadings } from '@/lib/readings/submit';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import {
  addVolumes,
  createCompanyMember,
  createCompanyUser,
  createMeteredAccount,
  createUtilityProfile,
  monthlyReadings,
} from '../support/factories';
import { signInAs } from '../support/signed-in-browser';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { uploadReadingsFile } = await import('@/app/lk/(cabinet)/readings/actions');
const { GET: getTemplate } = await import('@/app/lk/(cabinet)/readings/template/route');

const now = new Date('2026-11-21T10:00:00Z');
const NOVEMBER = '2026-11-01';
const HEADER = 'Лицевой счёт;Заводской номер счётчика;Зона;Показание, кВт·ч;Дата снятия (необязательно)';

let t: TestDatabase;
let restore: () => void;
let engineer: SessionUser;
let owner: SessionUser;
let accountant: SessionUser;
let rivalUser: SessionUser;

async function meterOf(serial: string) {
  const [row] = await t.db.select().from(meters).where(eq(meters.serialNumber, serial));
  return row!;
}

async function lastValue(serial: string, zone: string): Promise<number> {
  const meter = await meterOf(serial);
  const [row] = await t.db
    .select({ value: readings.value })
    .from(readings)
    .where(
      and(
        eq(readings.meterId, meter.id),
        sql`${readings.zone} = ${zone}`,
        eq(readings.status, 'accepted'),
        sql`${readings.period} < ${NOVEMBER}`,
      ),
    )
    .orderBy(desc(readings.period))
    .limit(1);
  return row!.value;
}

async function novemberReadings(serials: string[]) {
  return t.db
    .select({ serial: meters.serialNumber, zone: readings.zone, value: readings.value, source: readings.source })
    .from(readings)
    .innerJoin(meters, eq(meters.id, readings.meterId))
    .where(and(inArray(meters.serialNumber, serials), eq(readings.period, NOVEMBER), eq(readings.status, 'accepted')))
    .orderBy(asc(meters.serialNumber), asc(readings.zone));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => utf8(`\uFEFF${text}`);

/** Windows-1251 for the characters our files use: ASCII, А–я, Ё/ё, «·» and the no-break space. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      const extra: Record<number, number> = { 0x401: 0xa8, 0x451: 0xb8, 0xb7: 0xb7, 0xa0: 0xa0 };
      if (extra[c] === undefined) throw new Error(`no cp1251 for ${ch}`);
      return extra[c]!;
    }),
  );
}

async function xlsx(rows: (string | number | { formula: string; result?: number } | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Показания');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function upload(user: SessionUser, bytes: Uint8Array, name = 'pokazaniya.csv') {
  const stored = await storeReadingsFile(user, { name, bytes });
  if (!stored.ok) throw new Error(stored.message);
  return (await readingsUpload(user, stored.id, now))!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await createUtilityProfile(t.db);
  const company = await createCompanyUser(t.db, { company: { name: 'ООО «Истра-Агро»' } });
  owner = company.user;
  engineer = await createCompanyMember(t.db, company.companyId, 'engineer');
  accountant = await createCompanyMember(t.db, company.companyId, 'accountant');
  const months = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'];
  const monthly = (start: Partial<Record<TariffZone, number>>, use: Partial<Record<TariffZone, number>>) =>
    monthlyReadings({ from: months[0]!, to: months.at(-1)!, start, use });
  /** A point read every month and billed by those readings (the plausibility check averages the billed months). */
  const point = async (
    number: string,
    serialNumber: string,
    zonePlan: 1 | 3,
    start: Partial<Record<TariffZone, number>>,
    use: Partial<Record<TariffZone, number>>,
  ) => {
    const { meterId } = await createMeteredAccount(t.db, {
      account: { number, kind: 'company', companyId: company.companyId, holderName: 'ООО «Истра-Агро»', residents: 0 },
      meter: { serialNumber, zonePlan },
      registers: monthly(start, use),
    });
    await addVolumes(
      t.db,
      meterId,
      'reading',
      months.slice(1).map((period) => [period, use]),
    );
  };
  await point(
    '70020001',
    '35109844',
    3,
    { peak: 40_000, half_peak: 90_000, night: 56_000 },
    { peak: 900, half_peak: 2100, night: 1200 },
  );
  await point('70020002', '009026084002731', 1, { all_day: 74_912 }, { all_day: 1800 });
  await point('70020003', '37220561', 1, { all_day: 21_400 }, { all_day: 650 });
  // A household's meter, which no company file may reach.
  await createMeteredAccount(t.db, {
    account: { number: '50010001' },
    meter: { serialNumber: '41235872' },
    registers: monthly({ all_day: 5_000 }, { all_day: 200 }),
  });
  // The owner of «Большая сеть», the company of the 5 000-row file below.
  rivalUser = (
    await createCompanyUser(t.db, {
      company: { name: 'ООО «Большая сеть»', inn: '7736207543', kpp: '773601001', legalAddress: 'г. Москва' },
      user: { fullName: 'Большов Иван' },
    })
  ).user;
});

afterAll(async () => {
  restore?.();
  await t?.drop();
});

describe('the file parser', () => {
  const body = '70020003;37220561;Круглосуточно;12345;21.11.2026';

  it('reads UTF-8 with and without a BOM, Windows-1251, and the three separators', async () => {
    const variants: [string, Uint8Array][] = [
      ['UTF-8 BOM ;', withBom(`${HEADER}\r\n${body}\r\n`)],
      [
        'UTF-8 ,',
        utf8(
          `${HEADER.split(';')
            .map((h) => `"${h}"`)
            .join(',')}\n${body.replaceAll(';', ',')}\n`,
        ),
      ],
      ['UTF-8 tab', utf8(`${HEADER.replaceAll(';', '\t')}\n${body.replaceAll(';', '\t')}`)],
      ['Windows-1251 ;', cp1251(`${HEADER}\r\n${body}\r\n`)],
      ['Windows-1251 tab', cp1251(`${HEADER.replaceAll(';', '\t')}\r\n${body.replaceAll(';', '\t')}\r\n`)],
    ];
    for (const [what, bytes] of variants) {
      const parsed = await parseReadingsFile(bytes);
      expect(parsed, what).toMatchObject({
        ok: true,
        kind: 'csv',
        rows: [
          {
            line: 2,
            account: '70020003',
            serial: '37220561',
            zone: 'Круглосуточно',
            value: '12345',
            date: '21.11.2026',
          },
        ],
      });
    }
  });

  it('reads XLSX, flags a formula cell instead of evaluating it, keeps a fraction as typed', async () => {
    const bytes = await xlsx([
      ['Лицевой счёт', 'Заводской номер счётчика', 'Зона', 'Показание, кВт·ч', 'Дата снятия'],
      ['70020003', '37220561', 'Круглосуточно', 12345, null],
      ['70020002', '009026084002731', '', { formula: '1000+1', result: 1001 }, null],
      [70020001, '35109844', 'Пик', 100.5, null],
    ]);
    const parsed = await parseReadingsFile(bytes);
    expect(parsed).toMatchObject({
      ok: true,
      kind: 'xlsx',
      rows: [
        { line: 2, account: '70020003', value: '12345', formula: false },
        { line: 3, serial: '009026084002731', formula: true },
        { line: 4, account: '70020001', value: '100,5', formula: false },
      ],
    });
  });

  it('refuses a broken, empty, oversized, mis-encoded or wrong-columned file with one sentence', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(), /нет ни одной строки/],
      ['only the header', withBom(`${HEADER}\r\n`), /нет ни одной строки/],
      ['too large', utf8(`${HEADER}\n${`${body}\n`.repeat(60_000)}`), /больше 2\u00a0МБ/],
      ['too many rows', utf8(`${HEADER}\n${`${body}\n`.repeat(6001)}`), /не больше 6000/],
      ['UTF-16', Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), /кодировке/],
      // «Номер;1» in KOI8-R: neither UTF-8 nor a readable Windows-1251 header.
      [
        'KOI8-R',
        Uint8Array.from([0xee, 0xcf, 0xcd, 0xc5, 0xd2, 0x3b, 0x31, 0x0a, 0x31, 0x3b, 0x32]),
        /в кодировке UTF-8/,
      ],
      ['binary', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), /не похож на таблицу/],
      [
        'wrong columns',
        withBom('Номер;Значение\r\n1;2\r\n'),
        /нет столбцов «Лицевой счёт», «Заводской номер счётчика»/,
      ],
      ['an open quote', withBom(`${HEADER}\r\n70020003;"37220561;Круглосуточно;1\r\n`), /не закрыта кавычка/],
      ['a broken XLSX', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /Книгу Excel не удалось открыть/],
    ];
    for (const [what, bytes, reason] of cases) {
      const parsed = await parseReadingsFile(bytes);
      expect(parsed.ok, what).toBe(false);
      if (!parsed.ok) expect(parsed.reason, what).toMatch(reason);
    }
  });
});

describe('the per-row verdicts', () => {
  it('gives each row the form’s verdict with the Russian reason', async () => {
    const one = await lastValue('37220561', 'all_day');
    const two = await lastValue('009026084002731', 'all_day');
    const peak = await lastValue('35109844', 'peak');
    const night = await lastValue('35109844', 'night');
    const lines = [
      HEADER,
      `70020003;37220561;Круглосуточно;${one + 150};`, // 2 accepted
      `70020003;37220561;Круглосуточно;${one + 150};`, // 3 duplicate
      `70020002;009026084002731;;${two - 1};`, // 4 below the last
      `70020001;35109844;Пик;${peak + 10},5;`, // 5 not whole
      `70020001;35109844;Вечер;100;`, // 6 unknown zone
      `70020001;35109844;Ночь;${night + 5};`, // 7 incomplete meter (peak refused)
      `70020003;99999999;;100;`, // 8 unknown meter
      `50010001;41235872;;100;`, // 9 a household's meter
      `70020003;37220561;Круглосуточно;${one + 150};01.10.2026`, // 10 outside the window (and a repeat)
      `70020002;009026084002731;;${two + 5};05.12.2026`, // 11 future date
    ];
    const { verdicts } = await upload(engineer, withBom(lines.join('\r\n')));
    const byLine = new Map(verdicts.rows.map((r) => [r.line, r]));
    const expectRow = (line: number, status: string, reason?: RegExp) => {
      const row = byLine.get(line)!;
      expect(row.status, `line ${line}: ${row.reason}`).toBe(status);
      if (reason) expect(row.reason, `line ${line}`).toMatch(reason);
    };
    expectRow(2, 'accepted');
    expect(byLine.get(2)!.parsedValue).toBe(one + 150);
    expectRow(3, 'refused', /Повтор строки 2/);
    expectRow(4, 'refused', /не может быть меньше предыдущего/);
    expectRow(5, 'refused', /целым числом кВт·ч/);
    expectRow(6, 'refused', /Неизвестная зона «Вечер»/);
    expectRow(7, 'refused', /по всем зонам сразу/);
    expectRow(8, 'refused', /не найден .* вашей организации/);
    expectRow(9, 'refused', /не найден .* вашей организации/);
    expectRow(10, 'refused', /Вне окна приёма/);
    expectRow(11, 'refused', /ещё не наступила/);
    expect(verdicts.counts).toEqual({ accepted: 1, confirm: 0, refused: 9 });
  });

  it('asks to confirm an implausible jump, as the form does', async () => {
    const two = await lastValue('009026084002731', 'all_day');
    const { verdicts } = await upload(engineer, withBom(`${HEADER}\r\n70020002;009026084002731;;${two + 900_000};`));
    expect(verdicts.rows[0]).toMatchObject({
      status: 'confirm',
      reason: expect.stringMatching(/намного больше обычного/),
    });
  });
});

describe('the one confirmation', () => {
  it('writes nothing when something changed since the preview, then everything accepted in one go', async () => {
    const one = await lastValue('37220561', 'all_day');
    const three = {
      peak: await lastValue('35109844', 'peak'),
      half: await lastValue('35109844', 'half_peak'),
      night: await lastValue('35109844', 'night'),
    };
    const file = withBom(
      [
        HEADER,
        `70020003;37220561;Круглосуточно;${one + 200};`,
        `70020001;35109844;Пик (T1);${three.peak + 20};`,
        `70020001;35109844;Полупик;${three.half + 10};`,
        `70020001;35109844;T2;${three.night + 30};`,
        `70020003;00000000;;5;`,
      ].join('\r\n'),
    );
    const preview = await upload(engineer, file);
    expect(preview.verdicts.counts).toEqual({ accepted: 4, confirm: 0, refused: 1 });

    // Meanwhile someone submits 37220561 through the form: the verdicts rest on other facts now.
    const meter = await meterOf('37220561');
    const form = await submitReadings({
      meterId: meter.id,
      values: { all_day: String(one + 50) },
      confirmImplausible: true,
      source: 'subscriber',
      userId: owner.id,
      now,
    });
    expect(form.ok).toBe(true);
    const stale = await confirmReadingsUpload(
      engineer,
      { uploadId: preview.id, fingerprint: preview.verdicts.fingerprint, confirmImplausible: false },
      now,
    );
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/Ничего не записано/) });
    expect(await novemberReadings(['35109844'])).toEqual([]);

    const fresh = (await readingsUpload(engineer, preview.id, now))!;
    expect(fresh.verdicts.rows[0]!.reason).toMatch(/Заменит принятое ранее/);
    const done = await confirmReadingsUpload(
      engineer,
      { uploadId: preview.id, fingerprint: fresh.verdicts.fingerprint, confirmImplausible: false },
      now,
    );
    expect(done).toMatchObject({ ok: true, written: 4, period: NOVEMBER });
    expect(await novemberReadings(['37220561', '35109844'])).toEqual([
      { serial: '35109844', zone: 'night', value: three.night + 30, source: 'import' },
      { serial: '35109844', zone: 'peak', value: three.peak + 20, source: 'import' },
      { serial: '35109844', zone: 'half_peak', value: three.half + 10, source: 'import' },
      { serial: '37220561', zone: 'all_day', value: one + 200, source: 'import' },
    ]);
    // The file is gone once confirmed: a second confirmation finds nothing to write twice.
    expect(await readingsUpload(engineer, preview.id, now)).toBeNull();
    const again = await confirmReadingsUpload(
      engineer,
      { uploadId: preview.id, fingerprint: fresh.verdicts.fingerprint, confirmImplausible: false },
      now,
    );
    expect(again.ok).toBe(false);
  });

  it('refuses to write unconfirmed implausible rows, and writes them once ticked', async () => {
    const two = await lastValue('009026084002731', 'all_day');
    const preview = await upload(engineer, withBom(`${HEADER}\r\n70020002;009026084002731;;${two + 900_000};`));
    const input = { uploadId: preview.id, fingerprint: preview.verdicts.fingerprint, confirmImplausible: false };
    expect(await confirmReadingsUpload(engineer, input, now)).toMatchObject({ ok: false });
    expect(await novemberReadings(['009026084002731'])).toEqual([]);
    expect(await confirmReadingsUpload(engineer, { ...input, confirmImplausible: true }, now)).toMatchObject({
      ok: true,
      written: 1,
    });
  });
});

describe('5 000 rows', () => {
  it('parses, checks and writes a 5 000-row file in one transaction', async () => {
    const user = rivalUser;
    const companyId = user.companyId!;
    const accountRows = await t.db
      .insert(accounts)
      .values(
        Array.from({ length: 50 }, (_, i) => ({
          number: `7100${String(i).padStart(4, '0')}`,
          kind: 'company' as const,
          holderName: 'ООО «Большая сеть»',
          companyId,
          settlement: 'г. Истра',
          street: 'ул. Заводская',
          house: String(i + 1),
          contractNumber: `ЮЛ-2026/${i}`,
          contractStart: '2026-01-01',
        })),
      )
      .returning({ id: accounts.id, number: accounts.number });
    const meterRows = await t.db
      .insert(meters)
      .values(
        accountRows.flatMap((a) =>
          Array.from({ length: 100 }, (_, j) => ({
            accountId: a.id,
            serialNumber: `S${a.number}${String(j).padStart(3, '0')}`,
            zonePlan: 1,
            status: 'active' as const,
            installedAt: '2026-01-10',
          })),
        ),
      )
      .returning({ id: meters.id, accountId: meters.accountId, serial: meters.serialNumber });
    await t.db.insert(readings).values(
      meterRows.map((m) => ({
        meterId: m.id,
        period: '2026-01-01',
        zone: 'all_day' as const,
        value: 1000,
        source: 'initial' as const,
      })),
    );
    const numberOf = new Map(accountRows.map((a) => [a.id, a.number]));
    const lines = meterRows.map((m, i) => `${numberOf.get(m.accountId)};${m.serial};Круглосуточно;${1100 + (i % 50)};`);
    const bytes = withBom([HEADER, ...lines].join('\r\n'));

    const started = performance.now();
    const preview = await upload(user, bytes);
    const previewed = performance.now();
    const done = await confirmReadingsUpload(
      user,
      { uploadId: preview.id, fingerprint: preview.verdicts.fingerprint, confirmImplausible: false },
      now,
    );
    const finished = performance.now();
    console.info(
      `5 000-row readings file: upload + preview ${Math.round(previewed - started)} ms, confirm ${Math.round(finished - previewed)} ms`,
    );

    expect(preview.verdicts.counts).toEqual({ accepted: 5000, confirm: 0, refused: 0 });
    expect(done).toMatchObject({ ok: true, written: 5000 });
    const [written] = await t.db
      .select({ n: count() })
      .from(readings)
      .where(and(eq(readings.period, NOVEMBER), eq(readings.source, 'import'), eq(readings.submittedBy, user.id)));
    expect(written!.n).toBe(5000);
  }, 120_000);
});

describe('roles and companies', () => {
  it('keeps a file to its uploader and the readings to the engineer and the owner', async () => {
    const file = withBom(`${HEADER}\r\n70020003;37220561;;1;`);
    const preview = await upload(engineer, file);
    expect(await readingsUpload(owner, preview.id, now)).toBeNull();
    expect(await readingsUpload(rivalUser, preview.id, now)).toBeNull();
    const foreign = await confirmReadingsUpload(
      rivalUser,
      { uploadId: preview.id, fingerprint: preview.verdicts.fingerprint, confirmImplausible: false },
      now,
    );
    expect(foreign.ok).toBe(false);
    // The other company's owner uploading our meters: not theirs.
    const theirs = await upload(rivalUser, file);
    expect(theirs.verdicts.rows[0]!.reason).toMatch(/не найден .* вашей организации/);

    // The accountant may not upload or download the template.
    await signInAs(accountant);
    const form = new FormData();
    form.set('file', new File([file], 'pokazaniya.csv', { type: 'text/csv' }));
    const refused = await uploadReadingsFile(null, form);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/недоступно для вашей роли/) });
    const template = await getTemplate(new Request('http://localhost/lk/readings/template?format=csv'), {} as never);
    expect(template.status).toBe(404);

    await signInAs(engineer);
    const csv = await getTemplate(new Request('http://localhost/lk/readings/template?format=csv'), {} as never);
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('Лицевой счёт;')).toBe(true);
    expect(text).toContain('70020001;35109844;Пик (T1)');
    expect(text).not.toContain('71000000');
    const workbook = await getTemplate(new Request('http://localhost/lk/readings/template?format=xlsx'), {} as never);
    const parsed = await parseReadingsFile(new Uint8Array(await workbook.arrayBuffer()));
    expect(parsed.ok && parsed.rows.map((r) => r.serial)).toEqual([
      '35109844',
      '35109844',
      '35109844',
      '009026084002731',
      '37220561',
    ]);

    const left = await t.db.select({ n: count() }).from(storedFiles).where(eq(storedFiles.purpose, 'readings_upload'));
    expect(left[0]!.n).toBeGreaterThan(0);
  });
});
