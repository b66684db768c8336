import 'server-only';
import { and, desc, inArray, lte } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { serviceCatalog, serviceCatalogPrices } from '@/db/schema';

// The price of a service in force on a day (Moscow): the latest row of its price history from that
// day or before, else the price the service was listed at. Everything that shows or charges a
// catalogue price reads it here; a request stores its own price when ordered and keeps it.

export interface PriceInForce {
  priceKopecks: number;
  priceIsFrom: boolean;
}

/** The price in force on `day` of each service asked for (all services when none are named). */
export async function pricesInForce(
  day: string,
  serviceIds?: readonly string[],
  executor: Db | Tx = db(),
): Promise<Map<string, PriceInForce>> {
  const listed = await executor
    .select({
      id: serviceCatalog.id,
      priceKopecks: serviceCatalog.priceKopecks,
      priceIsFrom: serviceCatalog.priceIsFrom,
    })
    .from(serviceCatalog)
    .where(serviceIds ? inArray(serviceCatalog.id, [...serviceIds]) : undefined);
  const out = new Map<string, PriceInForce>(
    listed.map((s) => [s.id, { priceKopecks: s.priceKopecks, priceIsFrom: s.priceIsFrom }]),
  );
  if (out.size === 0) return out;
  const changed = await executor
    .selectDistinctOn([serviceCatalogPrices.serviceId], {
      serviceId: serviceCatalogPrices.serviceId,
      priceKopecks: serviceCatalogPrices.priceKopecks,
      priceIsFrom: serviceCatalogPrices.priceIsFrom,
    })
    .from(serviceCatalogPrices)
    .where(
      and(
        lte(serviceCatalogPrices.effectiveFrom, day),
        serviceIds ? inArray(serviceCatalogPrices.serviceId, [...serviceIds]) : undefined,
      ),
    )
    .orderBy(serviceCatalogPrices.serviceId, desc(serviceCatalogPrices.effectiveFrom));
  for (const row of changed) out.set(row.serviceId, { priceKopecks: row.priceKopecks, priceIsFrom: row.priceIsFrom });
  return out;
}

/** Replaces each item's listed price with the one in force on `day`. */
export async function withPricesInForce<T extends { id: string; priceKopecks: number; priceIsFrom: boolean }>(
  items: T[],
  day: string,
): Promise<T[]> {
  if (items.length === 0) return items;
  const prices = await pricesInForce(
    day,
    items.map((i) => i.id),
  );
  return items.map((i) => ({ ...i, ...prices.get(i.id) }));
}
