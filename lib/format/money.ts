// Money is integer kopecks everywhere; these turn it into what a Russian reader expects.

const rub = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → «1 234,56 ₽» (the group separator is a no-break space). */
export function formatRub(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError('Amount must be whole kopecks');
  return `${rub.format(kopecks / 100)}\u00a0₽`;
}

/** A price per kWh: 890 → «8,90 ₽/кВт·ч». */
export function formatPricePerKwh(kopecks: number): string {
  return `${formatRub(kopecks)}/кВт·ч`;
}

const kwhFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

export function formatKwh(kwh: number): string {
  return `${kwhFormat.format(kwh)}\u00a0кВт·ч`;
}

/** What is owed as a payment form's amount field shows it («1234,56»); empty when nothing is owed. */
export function amountFieldValue(kopecks: number): string {
  return kopecks > 0 ? (kopecks / 100).toFixed(2).replace('.', ',') : '';
}
