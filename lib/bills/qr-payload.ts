// The payment QR code of a receipt: the ГОСТ Р 56042-2014 «Стандарты финансовых операций.
import type { AccountKind } from '@/db/enums';
// Двумерные символы штрихового кода для осуществления платежей физических лиц» string that Russian
// banking apps scan to fill in a transfer by bank details. Pure (no database, no `server-only`).
//
// The format: a header «ST» + version «0001» + an encoding digit (1 windows-1251, 2 UTF-8, 3 KOI8-R),
// then `|Key=Value` pairs. The five required fields come first, in this order: Name, PersonalAcc,
// BankName, BIC, CorrespAcc; the additional and other fields follow in any order. We always write
// UTF-8 («ST00012»), and the QR encoder must put the string's UTF-8 bytes in ONE byte-mode segment
// (`paymentQrSegments`) so that the bytes the app reads are exactly these.
//
// Values may not contain the separator `|` (nor line breaks, which some readers split on); they are
// replaced by spaces here, never passed through.

/** «ST» + format version «0001» + «2» = UTF-8. */
const GOST_HEADER = 'ST00012';
const GOST_SEPARATOR = '|';

/** ТехКод «02»: коммунальные услуги, ЖКХ (Appendix Г of the standard) — lets the app file the payment there. */
const TECH_CODE_UTILITIES = '02';

/** The payee: who receives the money (the utility's bank details). All required by the standard. */
export interface Payee {
  /** Наименование получателя, up to 160 characters. */
  name: string;
  /** Расчётный счёт, 20 digits. */
  settlementAccount: string;
  /** Наименование банка, up to 45 characters. */
  bankName: string;
  /** БИК, 9 digits. */
  bic: string;
  /** Корр. счёт, 20 digits («0» when the bank has none). */
  correspondentAccount: string;
  /** ИНН получателя, 10 or 12 digits. */
  inn?: string | null;
  /** КПП получателя, 9 characters. */
  kpp?: string | null;
}

/** What is being paid and by whom: every field optional, as in the standard. */
export interface PaymentFields {
  /** Сумма in kopecks, a positive integer (written as digits without a separator: 1 234,56 ₽ → `123456`). */
  sumKopecks?: number | null;
  /** Назначение платежа, up to 210 characters (longer text is cut with «…»). */
  purpose?: string | null;
  /** Номер лицевого счёта плательщика у получателя. */
  personalAccount?: string | null;
  /** The billing period `YYYY-MM-01`, written as `MMYYYY`. */
  period?: string | null;
  /** Номер квитанции (QuittId). */
  receiptNumber?: string | null;
  /** The payer's full name «Фамилия Имя Отчество», split into LastName, FirstName, MiddleName. */
  payerFullName?: string | null;
  payerAddress?: string | null;
  /** ТехКод, two digits; see TECH_CODE_UTILITIES. */
  techCode?: string | null;
}

const LIMITS = { Name: 160, BankName: 45, Purpose: 210 } as const;

/** A value as the standard allows it: no `|`, no line breaks or control characters, single spaces, trimmed. */
export function sanitizeValue(value: string): string {
  return value
    .replace(/[|\u0000-\u001f\u007f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function requireDigits(field: string, value: string, pattern: RegExp, what: string): string {
  const v = value.trim();
  if (!pattern.test(v)) throw new RangeError(`${field} must be ${what}, got «${value}»`);
  return v;
}

function requireText(field: keyof typeof LIMITS, value: string): string {
  const v = sanitizeValue(value);
  if (!v) throw new RangeError(`${field} is required`);
  if (v.length > LIMITS[field]) throw new RangeError(`${field} is longer than ${LIMITS[field]} characters`);
  return v;
}

function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** Kopecks as the standard writes Sum: a positive whole number of kopecks, digits only. */
export function gostSum(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks <= 0)
    throw new RangeError(`Sum must be a positive whole number of kopecks, got ${kopecks}`);
  const digits = String(kopecks);
  if (digits.length > 18) throw new RangeError('Sum is longer than 18 digits');
  return digits;
}

/** `2026-10-01` → `102026` (PaymPeriod). */
export function gostPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})-01$/.exec(period);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new RangeError(`Not a billing period: ${period}`);
  return `${match[2]}${match[1]}`;
}

/** «Петров Алексей Сергеевич» → LastName, FirstName, MiddleName (a longer patronymic keeps the rest). */
export function splitFullName(fullName: string): { lastName?: string; firstName?: string; middleName?: string } {
  const [lastName, firstName, ...rest] = sanitizeValue(fullName).split(' ').filter(Boolean);
  const middleName = rest.join(' ');
  return { lastName, firstName, middleName: middleName || undefined };
}

/**
 * The payment string. Throws RangeError when a required field is missing or malformed (a wrong
 * account number in a QR code sends money astray: better no code than a wrong one).
 */
export function gostPaymentPayload(payee: Payee, fields: PaymentFields = {}): string {
  const pairs: [string, string][] = [
    ['Name', requireText('Name', payee.name)],
    ['PersonalAcc', requireDigits('PersonalAcc', payee.settlementAccount, /^\d{20}$/, '20 digits')],
    ['BankName', requireText('BankName', payee.bankName)],
    ['BIC', requireDigits('BIC', payee.bic, /^\d{9}$/, '9 digits')],
    ['CorrespAcc', requireDigits('CorrespAcc', payee.correspondentAccount, /^(\d{20}|0)$/, '20 digits or 0')],
  ];
  const add = (key: string, value: string | null | undefined) => {
    const v = value == null ? '' : sanitizeValue(value);
    if (v) pairs.push([key, v]);
  };
  if (payee.inn) add('PayeeINN', requireDigits('PayeeINN', payee.inn, /^(\d{10}|\d{12})$/, '10 or 12 digits'));
  if (payee.kpp) add('KPP', requireDigits('KPP', payee.kpp, /^[0-9A-Z]{9}$/, '9 characters'));
  if (fields.sumKopecks != null) add('Sum', gostSum(fields.sumKopecks));
  if (fields.purpose) add('Purpose', cut(sanitizeValue(fields.purpose), LIMITS.Purpose));
  add('PersAcc', fields.personalAccount);
  if (fields.period) add('PaymPeriod', gostPeriod(fields.period));
  add('QuittId', fields.receiptNumber);
  if (fields.payerFullName) {
    const name = splitFullName(fields.payerFullName);
    add('LastName', name.lastName);
    add('FirstName', name.firstName);
    add('MiddleName', name.middleName);
  }
  add('PayerAddress', fields.payerAddress);
  if (fields.techCode) add('TechCode', requireDigits('TechCode', fields.techCode, /^\d{2}$/, '2 digits'));
  return [GOST_HEADER, ...pairs.map(([key, value]) => `${key}=${value}`)].join(GOST_SEPARATOR);
}

/** Reads a payment string back into its fields (tests, and a check before printing). */
export function parseGostPayload(payload: string): Map<string, string> {
  const [header, ...rest] = payload.split(GOST_SEPARATOR);
  if (!header || !/^ST0001[123]$/.test(header)) throw new RangeError('Not a ГОСТ Р 56042-2014 payment string');
  const fields = new Map<string, string>();
  for (const pair of rest) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new RangeError(`Malformed field «${pair}»`);
    fields.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return fields;
}

/**
 * The segments for the QR encoder (`qrcode`'s `create`/`toString`): the string's UTF-8 bytes as ONE
 * byte-mode segment, so no run of digits is re-encoded in numeric mode and no ECI header is added —
 * the header's «2» is what tells the app the bytes are UTF-8.
 */
export function paymentQrSegments(payload: string): [{ data: Uint8Array; mode: 'byte' }] {
  return [{ data: new TextEncoder().encode(payload), mode: 'byte' }];
}

/** A ГИС ЖКХ identifier as the purpose names it: «ИПД 50АБ010001-01-0012». */
export interface GisReference {
  label: 'ИПД' | 'ИЖКУ' | 'ЕЛС';
  value: string;
}

/**
 * The most specific ГИС ЖКХ identifier a bill has: its ИПД (this very document), else the account's
 * ИЖКУ (the service), else its ЕЛС; null when ГИС ЖКХ has given none.
 *
 * ГОСТ Р 56042-2014 has no field for any of them (its fields: Name … TechCode; the nearest,
 * PersAcc, is the utility's own account number, written already), so they go into the purpose:
 * the Bank of Russia asks banks to carry the ГИС ЖКХ details of a housing payment in
 * «Назначение платежа» (информационное письмо от 22.02.2018 № ИН-04-45/12), which is where a
 * payment agent reads them to report the payment to ГИС ЖКХ.
 */
export function gisReferenceFor(input: {
  ipd?: string | null;
  izhku?: string | null;
  els?: string | null;
}): GisReference | null {
  if (input.ipd) return { label: 'ИПД', value: input.ipd };
  if (input.izhku) return { label: 'ИЖКУ', value: input.izhku };
  if (input.els) return { label: 'ЕЛС', value: input.els };
  return null;
}

/**
 * «Оплата электроэнергии за октябрь 2026, л/с 50010002, квитанция R-202610-50010002[, ИПД …]»: the
 * QR's Purpose and the text beside it.
 */
export function paymentPurpose(input: {
  periodLabel: string;
  accountNumber: string;
  receiptNumber: string;
  gis?: GisReference | null;
}): string {
  const gis = input.gis ? `, ${input.gis.label} ${input.gis.value}` : '';
  return `Оплата электроэнергии за ${input.periodLabel}, л/с ${input.accountNumber}, квитанция ${input.receiptNumber}${gis}`;
}

/**
 * The receipt's payment string for a bill: payee, sum, purpose (with the ГИС ЖКХ identifier, see
 * `gisReferenceFor`), account, period, receipt number, payer's name.
 */
export function billPaymentPayload(input: {
  payee: Payee;
  bill: { receiptNumber: string; period: string; amountKopecks: number; ipd?: string | null };
  /** A company's name is not a person's: LastName/FirstName/MiddleName are written for households only. */
  account: { number: string; holderName: string; kind?: AccountKind; els?: string | null; izhku?: string | null };
  /** «октябрь 2026» — formatted by the caller (lib/format/dates `formatPeriod`). */
  periodLabel: string;
}): string {
  const { payee, bill, account, periodLabel } = input;
  return gostPaymentPayload(payee, {
    // A bill that owes nothing (a recalculation in the subscriber's favour) carries no sum: the payer types one.
    sumKopecks: bill.amountKopecks > 0 ? bill.amountKopecks : null,
    purpose: paymentPurpose({
      periodLabel,
      accountNumber: account.number,
      receiptNumber: bill.receiptNumber,
      gis: gisReferenceFor({ ipd: bill.ipd, izhku: account.izhku, els: account.els }),
    }),
    personalAccount: account.number,
    period: bill.period,
    receiptNumber: bill.receiptNumber,
    payerFullName: account.kind === 'company' ? null : account.holderName,
    // No PayerAddress: optional, and at ~70 UTF-8 bytes it would push the code up a size or two
    // (denser modules, harder to read off paper); the account number identifies the payer already.
    techCode: TECH_CODE_UTILITIES,
  });
}
