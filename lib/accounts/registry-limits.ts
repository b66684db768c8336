// What the registry forms and their schemas share, without zod: lengths and the adjustment choices.

export const NOTE_MAX = 2000;

export const REASON_MAX = 500;

export const ADJUSTMENT_DIRECTIONS = {
  credit: 'Уменьшить долг (в пользу абонента)',
  debit: 'Увеличить долг',
} as const;
