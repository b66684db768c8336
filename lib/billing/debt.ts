// Overdue debt (ЖК РФ ст. 155 ч. 1: a bill is due by its due date). Payments pay the oldest debt
// first, so what is still owed is made of the newest charges: the charges not yet due are the last
// part of the balance, and whatever the balance holds beyond them is overdue.

/** The overdue part of a balance, given the sum of the charges whose due date has not passed. */
export function overdueOf(balanceKopecks: number, notYetDueKopecks: number): number {
  if (!Number.isSafeInteger(balanceKopecks) || !Number.isSafeInteger(notYetDueKopecks))
    throw new RangeError('Amounts must be whole kopecks');
  return Math.max(balanceKopecks - Math.max(notYetDueKopecks, 0), 0);
}
