// Generated bad input for the property-based tests: what a hand-made request,
// a broken client or a fuzzer can put in a form or a query string. Shared by
// tests/integration/bad-input-*.test.ts.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/lib/billing/run-sql';

/** Values that have broken parsers before: number spellings, encodings, control characters. */
const SPECIAL_STRINGS = [
  '',
  ' ',
  '   ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\r\n\r\n',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '+0',
  '0',
  '-1',
  '-100',
  '00000',
  '1e308',
  '-1e308',
  '1e-308',
  '5e-324',
  '1e400',
  '9007199254740993',
  '99999999999999999999999',
  '-99999999999999999999999',
  '0x1F',
  '0b101',
  '0o17',
  '1_000',
  '1,5',
  '1.5',
  '1.005',
  '0.001',
  '.5',
  '5.',
  '1 234,56',
  '1,234.56',
  '1.2.3',
  '١٢٣',
  '１２３',
  '½',
  'Ⅻ',
  'null',
  'undefined',
  'true',
  'false',
  'on',
  'off',
  '[object Object]',
  '{}',
  '[]',
  '{"a":1}',
  '__proto__',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; drop table users; --',
  '%00',
  '%zz',
  '../../etc/passwd',
  '\u202eтекст',
  '\ufeff1',
  'Ёё',
  '😀',
  '👨‍👩‍👧',
  '\ud800',
  '\udfff',
  'é',
  'Z̵̢͉a̸l̵g̶o̸',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '0000-01-01',
  '-2026-01-01',
  '2026-11-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6f1e0c9a-0000-4000-8000-00000000000g',
];

const longString = fc
  .tuple(fc.constantFrom('9', '0', 'я', 'a', ' ', '😀', '\u0000', '1,', '-'), fc.integer({ min: 201, max: 10_000 }))
  .map(([chunk, n]) => chunk.repeat(n));

/** One junk text value: random strings in several alphabets, numbers of every shape, very long strings. */
export const junkText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  // U+0000 on its own weight: Postgres refuses it in text and JSON, so it must be stopped before the database.
  { weight: 1, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '1\u0000', '\u0000\u0000\u0000') },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((v) => v.toFixed(3).replace('.', ',')) },
  { weight: 1, arbitrary: fc.uuid().map(String) },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 3000 }) },
);

/** A file where text is expected (the wrong type a multipart form can carry). */
const junkFile: fc.Arbitrary<File> = fc
  .tuple(
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom('blob', 'photo.jpg', 'счёт.pdf', ''),
    fc.constantFrom('', 'image/png', 'text/plain'),
  )
  .map(([bytes, name, type]) => new File([bytes], name, { type }));

export type FieldValue = undefined | string | File | Array<string | File>;

/**
 * A value for one form field: junk, a file, missing, or the field repeated; mixed with
 * `plausible` values (real ids, valid-looking numbers) so the junk also reaches the domain code.
 */
function fieldValue(plausible?: fc.Arbitrary<string>): fc.Arbitrary<FieldValue> {
  const text = plausible ? fc.oneof(junkText, plausible) : junkText;
  const options: fc.WeightedArbitrary<FieldValue>[] = [
    { weight: 5, arbitrary: junkText },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.array(fc.oneof(text, junkFile), { minLength: 2, maxLength: 3 }) },
    { weight: 1, arbitrary: junkFile },
  ];
  if (plausible) options.push({ weight: 5, arbitrary: plausible });
  return fc.oneof(...options);
}

/** Names no form has, including ones that are special to JavaScript objects or to Next.js. */
const junkKey = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '$ACTION_ID_0f',
    '$ACTION_REF_1',
    '0',
    'length',
    '',
  ),
);

export type FormEntries = Array<[string, string | File]>;

/**
 * Entries for a form with these fields, in two shapes: all junk (each field junk, plausible, missing
 * or repeated), or nearly valid (every field plausible but one broken), so junk also gets past the
 * schema into the domain code; both with stray fields added.
 */
export function formEntries(fields: Record<string, fc.Arbitrary<string> | undefined>): fc.Arbitrary<FormEntries> {
  const names = Object.keys(fields);
  const junkForm = fc.record(Object.fromEntries(names.map((name) => [name, fieldValue(fields[name])])));
  const nearlyValid = fc
    .tuple(
      fc.record(
        Object.fromEntries(names.map((name) => [name, (fields[name] ?? junkText) as fc.Arbitrary<FieldValue>])),
      ),
      names.length ? fc.option(fc.tuple(fc.constantFrom(...names), fieldValue()), { freq: 2 }) : fc.constant(null),
    )
    .map(([values, broken]) => (broken ? { ...values, [broken[0]]: broken[1] } : values));
  const stray = fc.array(fc.tuple(junkKey, fc.oneof(junkText, junkFile)), { maxLength: 3 });
  return fc
    .tuple(fc.oneof({ weight: 1, arbitrary: junkForm }, { weight: 2, arbitrary: nearlyValid }), stray)
    .map(([values, extra]) => {
      const entries: FormEntries = [];
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) entries.push([name, v]);
      }
      return [...entries, ...extra];
    });
}

export function toFormData(entries: FormEntries): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** For failure messages: the entries with long values cut short. */
export function describeEntries(entries: FormEntries): string {
  return JSON.stringify(
    entries.map(([k, v]) => [
      k,
      typeof v === 'string' ? (v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v) : `File(${v.name},${v.size})`,
    ]),
  );
}

/** Runs per property; FUZZ_SCALE=10 (an environment variable) digs deeper locally, as long as it takes. */
export function runs(n: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Cyrillic text: what every message shown to a user must contain. */
export const RUSSIAN = /[А-Яа-яЁё]/;

/**
 * The tables an attempt may legitimately touch even when refused: the attempt's own trace, and the
 * signed-in browser's session row (request-boundary.ts opens it on the first request of a user).
 */
const TRACE_TABLES = new Set(['audit_log', 'rate_limits', 'sessions']);

export interface WriteWatch {
  /** How many rows have been inserted, updated or deleted so far (outside the trace tables). */
  mark: () => Promise<number>;
  /** What was written after a mark, as `table:OPERATION`. */
  since: (mark: number) => Promise<string[]>;
}

/**
 * Row-level triggers on every table of the test database (apart from the trace tables) that log
 * each insert, update and delete: any write anywhere shows, and reading one counter is cheap.
 * Test-only DDL in the test's own database; the app's schema is not touched.
 */
export async function watchWrites(db: Db): Promise<WriteWatch> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  )
    .map((r) => r.table_name)
    .filter((name) => !TRACE_TABLES.has(name));
  if (tables.length < 10) throw new Error(`watchWrites: only ${tables.length} tables found`);
  await db.execute(
    sql.raw(`create table test_write_log (id bigserial primary key, tbl text not null, op text not null)`),
  );
  await db.execute(
    sql.raw(`create function test_log_write() returns trigger language plpgsql as $$
      begin insert into test_write_log (tbl, op) values (tg_table_name, tg_op); return null; end $$`),
  );
  for (const name of tables) {
    await db.execute(
      sql.raw(
        `create trigger test_log_write after insert or update or delete on "${name}" for each row execute function test_log_write()`,
      ),
    );
  }
  return {
    mark: async () =>
      Number(
        rowsOf<{ n: string | number }>(await db.execute(sql`select coalesce(max(id), 0) as n from test_write_log`))[0]!
          .n,
      ),
    since: async (mark) =>
      rowsOf<{ tbl: string; op: string }>(
        await db.execute(sql`select tbl, op from test_write_log where id > ${mark} order by id`),
      ).map((r) => `${r.tbl}:${r.op}`),
  };
}

/** Next.js control flow (redirect(), notFound()) travels as an exception with this digest. */
export function nextControlFlow(
  error: unknown,
): { kind: 'redirect'; location: string } | { kind: 'http'; status: number } | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== 'string') return null;
  if (digest.startsWith('NEXT_REDIRECT')) return { kind: 'redirect', location: digest.split(';')[2] ?? '' };
  if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK')) return { kind: 'http', status: Number(digest.split(';')[1]) };
  return null;
}
