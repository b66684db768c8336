import { describe, expect, it } from 'vitest';
import PostgresRouteCache from '../../route-cache-handler.mjs';
import { useTestDatabase } from '../support/test-db';

// The shared route cache as Next.js drives it: a rendered page stored by one instance is served
// by another; revalidating one of its tags (revalidatePath marks the path's implicit tag) makes it
// a miss on every instance; a page rendered after that is served again.

const t = useTestDatabase();

/** Both instances talk to this file's database through its driver's client. */
function instances(): [PostgresRouteCache, PostgresRouteCache] {
  const holder = globalThis as unknown as { __energoRouteCachePool?: unknown };
  holder.__energoRouteCachePool = (t.db as unknown as { $client: unknown }).$client;
  return [new PostgresRouteCache(), new PostgresRouteCache()];
}

function renderedPage(html: string) {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc:${html}`),
    segmentData: new Map([['/_tree', Buffer.from('segment')]]),
    headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/cached/public/news,content:news' },
    status: 200,
    postponed: undefined,
  };
}

describe('the shared route cache', () => {
  it('serves what one instance rendered to another, Buffers and Maps intact', async () => {
    const [a, b] = instances();
    await a.set('/cached/public/news', renderedPage('<h1>Новости</h1>'), { cacheControl: { revalidate: 3600 } });
    const hit = await b.get('/cached/public/news', { softTags: ['_N_T_/layout'] });
    expect(hit).not.toBeNull();
    const value = hit!.value as ReturnType<typeof renderedPage>;
    expect(value.html).toBe('<h1>Новости</h1>');
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe('rsc:<h1>Новости</h1>');
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(value.segmentData.get('/_tree')?.toString()).toBe('segment');
    expect(hit!.cacheControl).toEqual({ revalidate: 3600 });
    expect(hit!.lastModified).toBeGreaterThan(Date.now() - 60_000);
    expect(await b.get('/cached/public/tariffs')).toBeNull();
  });

  it('a tag revalidated on one instance is a miss on the other until the page is rendered again', async () => {
    const [a, b] = instances();
    await a.set('/cached/public/news', renderedPage('<h1>Старое</h1>'));
    // A staff member publishes on instance A: revalidatePath('/cached/public/news').
    await a.revalidateTag('_N_T_/cached/public/news');
    expect(await b.get('/cached/public/news')).toBeNull();
    // B renders the page afresh and stores it: from now on both serve the new one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.set('/cached/public/news', renderedPage('<h1>Новое</h1>'));
    expect(((await a.get('/cached/public/news'))?.value as { html: string }).html).toBe('<h1>Новое</h1>');
  });

  it('a tag given only when reading (a soft tag) invalidates too; other pages stay', async () => {
    const [a, b] = instances();
    await a.set('/cached/public/documents', { ...renderedPage('docs'), headers: {} });
    await a.set('/cached/public/contacts', { ...renderedPage('contacts'), headers: {} });
    await b.revalidateTag(['_N_T_/cached/public/documents']);
    expect(await a.get('/cached/public/documents', { softTags: ['_N_T_/cached/public/documents'] })).toBeNull();
    expect(await a.get('/cached/public/contacts', { softTags: ['_N_T_/cached/public/contacts'] })).not.toBeNull();
  });

  it('a data entry keeps the tags it was stored with', async () => {
    const [a, b] = instances();
    await a.set('fetch-key', { kind: 'FETCH', data: { body: 'x' } }, { tags: ['content:tariffs'] });
    expect(await b.get('fetch-key', { tags: ['content:tariffs'] })).not.toBeNull();
    await b.revalidateTag('content:tariffs');
    expect(await a.get('fetch-key')).toBeNull();
  });
});
