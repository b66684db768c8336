import { z } from 'zod';

// The payer identifiers of ГИС ЖКХ (dom.gosuslugi.ru), as printed on a utility bill. Pure: used by
// the forms, the Server Actions and (as the same patterns, written out) the database CHECKs.
//
// What was confirmed, and where. Official: the ГИС ЖКХ integration schemas (dom.gosuslugi.ru, version
// 14.4.0.1: hcs-account-base.xsd `UnifiedAccountNumber` length 10, `ServiceID` length 13;
// hcs-bills-base.xsd `PaymentDocumentID` length 18) fix the lengths and nothing else. The layouts
// below come from ГИС ЖКХ's published coding as others quote it, not from an official text:
// - ЕЛС, единый лицевой счёт: assigned by ГИС ЖКХ to a payer and a premises (приказ Минкомсвязи
//   России № 589, Минстроя России № 944/пр от 28.12.2015: «цифровой и (или) буквенный и (или)
//   символьный код»; a new owner or premises gets a new one). 10 characters laid out ЦЦББЦЦЦЦЦЦ —
//   two digits, two Russian capital letters, six digits: the layout published with the ИЖКУ coding
//   («Кодирование идентификаторов ЖКУ: ЦЦББЦЦЦЦЦЦ-ЦЦ», example 75ДА533315-01), the ГИС ЖКХ example
//   ЕЛС 70АА000560, and open-condo's validator (`/^\d{2}[А-Я]{2}\d{6}$/`). Whether the first digits
//   mean anything (a region?) was NOT confirmed, so nothing here reads meaning into them.
// - ИЖКУ, идентификатор жилищно-коммунальной услуги: 13 characters, the ЕЛС, «-», and the two-digit
//   number of the service the payer is billed for (same sources).
// - ИПД, идентификатор платёжного документа: 18 characters; the ГИС ЖКХ example 70АА000560-01-6103
//   and the published split «1–10 ЕЛС, 11–13 service, 14–18 document» give ЕЛС-ЦЦ-ЦЦЦЦ. The text of
//   the order itself, with the meaning of the last four digits, could not be read: the shape is
//   checked, the digits are taken as assigned by ГИС ЖКХ.
// The letters are Cyrillic. People type them in Latin by mistake (А/A, В/B, С/C look the same), so
// the look-alikes are read as the Cyrillic letters; any other letter is refused.

export type PayerReferenceKind = 'account' | 'els' | 'izhku' | 'ipd';

export interface PayerReference {
  kind: PayerReferenceKind;
  /** Normalised: account numbers as digits only, ГИС ЖКХ identifiers upper-case with Cyrillic letters. */
  value: string;
}

const ELS_BODY = '[0-9]{2}[А-Я]{2}[0-9]{6}';
const ELS_PATTERN = new RegExp(`^${ELS_BODY}$`);
const IZHKU_PATTERN = new RegExp(`^${ELS_BODY}-[0-9]{2}$`);
const IPD_PATTERN = new RegExp(`^${ELS_BODY}-[0-9]{2}-[0-9]{4}$`);
/** Лицевой счёт of this utility (lib/validation/fields.ts `accountNumber`). */
const ACCOUNT_PATTERN = /^\d{6,12}$/;

/** Latin capitals that look like Cyrillic ones, read as the Cyrillic letter. */
const LOOK_ALIKES: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** Trimmed, without spaces, dashes of any kind as «-», upper-case, Latin look-alikes as Cyrillic. */
function normalizeGisId(raw: string): string {
  return raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase()
    .replace(/[ABCEHKMOPTXY]/g, (ch) => LOOK_ALIKES[ch]!);
}

/** What was typed: an account number, an ЕЛС, an ИЖКУ or an ИПД; null when it is none of them. */
export function recognizePayerReference(raw: string): PayerReference | null {
  const value = normalizeGisId(raw);
  if (/^[\d-]+$/.test(value)) {
    // Account numbers are printed grouped («500-100-01»); the dashes are not part of them.
    const digits = value.replace(/-/g, '');
    return ACCOUNT_PATTERN.test(digits) ? { kind: 'account', value: digits } : null;
  }
  if (ELS_PATTERN.test(value)) return { kind: 'els', value };
  if (IZHKU_PATTERN.test(value)) return { kind: 'izhku', value };
  if (IPD_PATTERN.test(value)) return { kind: 'ipd', value };
  return null;
}

const PAYER_REFERENCE_HINT =
  'Лицевой счёт — 6–12 цифр; ЕЛС — 10 знаков (50АБ010001); ИЖКУ — ЕЛС и номер услуги (50АБ010001-01); ИПД — 18 знаков (50АБ010001-01-0001)';

export const payerReferenceMessages = {
  empty: 'Укажите номер лицевого счёта, ЕЛС, ИЖКУ или ИПД из квитанции',
  malformed: `Не похоже ни на номер лицевого счёта, ни на идентификатор ГИС ЖКХ. ${PAYER_REFERENCE_HINT}`,
} as const;

/**
 * The one box of the guest payment: an account number or any of the three ГИС ЖКХ identifiers,
 * recognised by shape. Outputs the normalised text (the lookup recognises it again: one rule).
 */
export const payerReference = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: payerReferenceMessages.empty })
    .min(1, payerReferenceMessages.empty)
    .max(40, payerReferenceMessages.malformed)
    .transform((v, ctx) => {
      const reference = recognizePayerReference(v);
      if (!reference) {
        ctx.addIssue({ code: 'custom', message: payerReferenceMessages.malformed });
        return z.NEVER;
      }
      return reference.value;
    }),
);

function optionalId(pattern: RegExp, message: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : normalizeGisId(v)) : v),
    z.string({ error: message }).regex(pattern, message).optional(),
  );
}

/** ЕЛС on the staff account card; empty clears it. */
export const elsField = optionalId(
  ELS_PATTERN,
  'ЕЛС — 10 знаков: две цифры, две русские буквы и шесть цифр, например 50АБ010001; пустое поле — без ЕЛС',
);

/** ИЖКУ on the staff account card; empty clears it. */
export const izhkuField = optionalId(
  IZHKU_PATTERN,
  'ИЖКУ — ЕЛС, дефис и две цифры номера услуги, например 50АБ010001-01; пустое поле — без ИЖКУ',
);
