// The connection calculator's rates for the demo: the preferential household rate (ПП № 1178: a
// citizen up to 15 kW pays per kW within the regulator's floor and ceiling) and a standardised rate
// for everyone else. Example figures, not a regulator's decision: staff enter the real ones.
import type { Tx } from '../client';
import { connectionRates } from '../schema';

export async function seedConnectionRates(tx: Tx): Promise<void> {
  await tx
    .insert(connectionRates)
    .values([
      {
        category: 'household_preferential',
        kopecksPerKw: 500_000,
        effectiveFrom: '2025-01-01',
        basis: 'Демонстрационная ставка: льготная плата для граждан до 15 кВт',
      },
      {
        category: 'standard',
        kopecksPerKw: 1_500_000,
        effectiveFrom: '2025-01-01',
        basis: 'Демонстрационная ставка: стандартизированная ставка до 150 кВт',
      },
    ])
    .onConflictDoNothing();
}
