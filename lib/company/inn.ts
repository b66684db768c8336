// ИНН by its check digits (ФНС algorithm) and КПП by its form. Pure.
// ИНН of an organisation: 10 digits, the 10th is (Σ dᵢ·wᵢ mod 11) mod 10 with w = 2 4 10 3 5 9 4 6 8.
// ИНН of a person or ИП: 12 digits, the 11th with w = 7 2 4 10 3 5 9 4 6 8, the 12th with
// w = 3 7 2 4 10 3 5 9 4 6 8 (over the first 11). КПП has no check digit: 4 digits of the tax
// office, 2 characters of the reason (digits or capital Latin letters), 3 digits of the sequence.

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  return (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;
}

export function isValidInn(value: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(value)) return false;
  const d = [...value].map(Number);
  if (d.length === 10) return checkDigit(d, W10) === d[9];
  return checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11];
}

export function isValidKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value);
}
