// VAT inside an amount that already includes it (the tariffs do), in whole kopecks. Pure.
//
// Each document line gets its own tax: tax = gross × rate / (100 + rate), rounded half away from zero
// to the kopeck (НК РФ ст. 166 п. 6 allows rounding to whole roubles or kopecks; kopecks lose
// nothing), net = gross − tax. A document's totals are the sums of its lines, so every column adds
// up exactly and net + tax = gross on every line and in total.

export interface VatSplit {
  grossKopecks: number;
  netKopecks: number;
  vatKopecks: number;
}

export function vatInside(grossKopecks: number, ratePercent: number): VatSplit {
  if (!Number.isSafeInteger(grossKopecks)) throw new RangeError('Amount must be whole kopecks');
  if (!Number.isInteger(ratePercent) || ratePercent < 0 || ratePercent > 100) {
    throw new RangeError('VAT rate must be a whole percent');
  }
  const sign = grossKopecks < 0 ? -1n : 1n;
  const gross = BigInt(Math.abs(grossKopecks));
  const rate = BigInt(ratePercent);
  const denominator = 100n + rate;
  // Half away from zero, in integers: floor((2·gross·rate + denominator) / (2·denominator)).
  const vat = (2n * gross * rate + denominator) / (2n * denominator);
  const vatKopecks = Number(sign * vat);
  return { grossKopecks, netKopecks: grossKopecks - vatKopecks, vatKopecks };
}

export function sumSplits(lines: readonly VatSplit[]): VatSplit {
  return lines.reduce(
    (total, l) => ({
      grossKopecks: total.grossKopecks + l.grossKopecks,
      netKopecks: total.netKopecks + l.netKopecks,
      vatKopecks: total.vatKopecks + l.vatKopecks,
    }),
    { grossKopecks: 0, netKopecks: 0, vatKopecks: 0 },
  );
}
