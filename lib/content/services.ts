import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { serviceCatalog, type ServiceItem } from '@/db/schema';
import { moscowDay } from '@/lib/format/dates';
import { withPricesInForce } from '@/lib/services/prices';

export interface ServiceGroup {
  category: string;
  items: ServiceItem[];
}

/** The active paid services at today's prices, grouped by category in catalogue order. */
export async function listServiceGroups(now = new Date()): Promise<ServiceGroup[]> {
  const listed = await db()
    .select()
    .from(serviceCatalog)
    .where(eq(serviceCatalog.active, true))
    .orderBy(asc(serviceCatalog.sortOrder), asc(serviceCatalog.title));
  const rows = await withPricesInForce(listed, moscowDay(now));
  const groups = new Map<string, ServiceItem[]>();
  for (const row of rows) {
    const list = groups.get(row.category) ?? [];
    list.push(row);
    groups.set(row.category, list);
  }
  return [...groups].map(([category, items]) => ({ category, items }));
}
