// The demo's news archive is published long before the demo starts: the news mailing must not send
// it to the demo's subscribers the first time it runs.
import { describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { mailDueNews } from '@/lib/notifications/news-mailing';
import { useTestDatabase } from '../support/test-db';

const now = new Date('2026-11-20T09:00:00Z');
const t = useTestDatabase({ seedDemoAt: now });

describe('the demo news archive', () => {
  it('counts as mailed: the first mailing run sends nothing', async () => {
    const before = (await t.db.select().from(emailOutbox)).length;
    expect(await mailDueNews(now)).toEqual({ items: 0 });
    expect(await t.db.select().from(emailOutbox)).toHaveLength(before);
  });
});
