import 'server-only';
import { eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { utilityProfile } from '@/db/schema';
import { DEFAULT_READING_WINDOW, type ReadingWindow, type ReadingWindowStatus, readingWindowStatus } from './window';

/** The reading window staff configured (utility_profile), the regulation's default otherwise. */
export async function readingWindowOf(executor: Db | Tx): Promise<ReadingWindow> {
  const [row] = await executor
    .select({ fromDay: utilityProfile.readingWindowStartDay, toDay: utilityProfile.readingWindowEndDay })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  return row ?? { ...DEFAULT_READING_WINDOW };
}

/** Where the reading window stands right now, for pages. */
export async function currentReadingWindow(now = new Date()): Promise<ReadingWindowStatus> {
  return readingWindowStatus(now, await readingWindowOf(db()));
}
