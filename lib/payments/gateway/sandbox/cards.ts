// The sandbox's payment page rules: test cards, card form validation, 3-D Secure.

export type SandboxCardOutcome = 'success' | 'declined';

export interface SandboxCard {
  pan: string;
  outcome: SandboxCardOutcome;
  /** Asks for the 3-D Secure code before the outcome. */
  threeDS: boolean;
  label: string;
}

export const sandboxCards: readonly SandboxCard[] = [
  { pan: '4111111111111111', outcome: 'success', threeDS: true, label: 'Visa — успешная оплата с кодом 3-D Secure' },
  { pan: '5555555555554444', outcome: 'success', threeDS: false, label: 'Mastercard — успешная оплата без кода' },
  { pan: '4000000000000002', outcome: 'declined', threeDS: false, label: 'Visa — банк отклоняет оплату' },
];

const SANDBOX_3DS_CODE = '12345';

export const SANDBOX_MESSAGES = {
  cardEmpty: 'Введите номер карты',
  cardLength: 'Номер карты — от 13 до 19 цифр',
  cardLuhn: 'Номер карты введён с ошибкой — проверьте цифры',
  cardNotAccepted: 'Карта не принимается: в песочнице работают только тестовые карты',
  declined: 'Банк отклонил оплату. Деньги не списаны — попробуйте другую карту',
  expiryFormat: 'Укажите срок действия в формате ММ/ГГ, например 12/28',
  expiryMonth: 'Месяц срока действия — от 01 до 12',
  expiryPast: 'Срок действия карты истёк',
  expiryFar: 'Проверьте год срока действия',
  cvv: 'CVC/CVV — три цифры на обороте карты',
  code3ds: 'Неверный код подтверждения. В песочнице код — 12345',
} as const;

/** Digits only, with spaces and dashes between groups allowed; null for anything else. */
function normalizeCardNumber(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** '4111111111111111' → '411111******1111': first six and last four, the rest starred. */
export function maskCard(pan: string): string {
  const digits = normalizeCardNumber(pan);
  if (!digits || digits.length < 13 || digits.length > 19)
    throw new Error('Маскировать можно только номер карты из 13–19 цифр');
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

export type SandboxCardCheck =
  { ok: true; pan: string; cardMask: string; card: SandboxCard } | { ok: false; error: string };

/** The card number field: format, Luhn, and whether the sandbox knows the card. */
export function checkSandboxCard(input: string): SandboxCardCheck {
  if (!input.trim()) return { ok: false, error: SANDBOX_MESSAGES.cardEmpty };
  const pan = normalizeCardNumber(input);
  if (!pan || pan.length < 13 || pan.length > 19) return { ok: false, error: SANDBOX_MESSAGES.cardLength };
  if (!luhnValid(pan)) return { ok: false, error: SANDBOX_MESSAGES.cardLuhn };
  const card = sandboxCards.find((c) => c.pan === pan);
  if (!card) return { ok: false, error: SANDBOX_MESSAGES.cardNotAccepted };
  return { ok: true, pan, cardMask: maskCard(pan), card };
}

/** 'MM/YY' (also 'MM / YY', 'MMYY'); valid through the end of that month. null when fine. */
export function expiryError(input: string, now: Date = new Date()): string | null {
  const m = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(input);
  if (!m) return SANDBOX_MESSAGES.expiryFormat;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return SANDBOX_MESSAGES.expiryMonth;
  const year = 2000 + Number(m[2]);
  const nowMonths = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const cardMonths = year * 12 + (month - 1);
  if (cardMonths < nowMonths) return SANDBOX_MESSAGES.expiryPast;
  if (cardMonths > nowMonths + 20 * 12) return SANDBOX_MESSAGES.expiryFar;
  return null;
}

export function cvvError(input: string): string | null {
  return /^\d{3}$/.test(input.trim()) ? null : SANDBOX_MESSAGES.cvv;
}

/** The 3-D Secure step: only '12345' confirms. */
export function check3dsCode(input: string): { ok: true } | { ok: false; error: string } {
  return input.trim() === SANDBOX_3DS_CODE ? { ok: true } : { ok: false, error: SANDBOX_MESSAGES.code3ds };
}
