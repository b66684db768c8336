import 'server-only';
import { revalidatePath, updateTag } from 'next/cache';
import { cachedRoutePath } from './public-routes';

// What each kind of staff publication changes on the public site, in one place. The public pages
// are served from the route cache, so every write calls one of these from its Server Action:
// `revalidatePath` for each page that shows the item (its internal route path, which the public
// address is rewritten to: lib/content/public-routes.ts) and `updateTag` for data cached under the kind's tag, expired
// at once so the staff member sees their own write on the next request. Only Server Actions may
// call `updateTag`; a route handler or a job would use `revalidateTag(tag, { expire: 0 })`.

function revalidatePage(publicPath: string): void {
  revalidatePath(cachedRoutePath(publicPath));
}

const contentTags = {
  news: 'content:news',
  outages: 'content:outages',
  tariffs: 'content:tariffs',
  documents: 'content:documents',
} as const;

/** A news item was published, edited or withdrawn: the home page, the list and its own page. */
export function newsChanged(slugs: readonly string[]): void {
  updateTag(contentTags.news);
  revalidatePage('/');
  revalidatePage('/news');
  for (const slug of slugs) revalidatePage(`/news/${slug}`);
}

/** An outage was entered, changed or resolved: the home page and the outages page. */
export function outagesChanged(): void {
  updateTag(contentTags.outages);
  revalidatePage('/');
  revalidatePage('/outages');
}

/** A tariff set was added: the tariffs page (the home page shows no prices). */
export function tariffsChanged(): void {
  updateTag(contentTags.tariffs);
  revalidatePage('/tariffs');
}

/** A document was published or replaced: the list and its own page. */
export function documentsChanged(slugs: readonly string[]): void {
  updateTag(contentTags.documents);
  revalidatePage('/documents');
  for (const slug of slugs) revalidatePage(`/documents/${slug}`);
}

/**
 * The catalogue of paid services changed (a service added or retired, a price from today): the price
 * list. A price from a later day shows once the page's hourly revalidation passes that midnight.
 */
export function servicesChanged(): void {
  revalidatePage('/services');
}

/** A help-centre answer was written, edited or withdrawn: the help centre and the answer's own page. */
export function helpChanged(slugs: readonly string[]): void {
  revalidatePage('/support');
  for (const slug of slugs) revalidatePage(`/support/${slug}`);
}
