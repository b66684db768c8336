import type { ReadingFilter } from '@/lib/meters/schemas';

/** `/admin/readings?…` with only the parameters that differ from the defaults. */
export function readingsListHref(params: {
  period?: string;
  filter?: ReadingFilter;
  page?: number;
  q?: string;
  entered?: string;
}): string {
  const search = new URLSearchParams();
  if (params.period) search.set('period', params.period);
  if (params.filter && params.filter !== 'all') search.set('status', params.filter);
  if (params.q) search.set('q', params.q);
  if (params.page && params.page > 1) search.set('page', String(params.page));
  if (params.entered) search.set('entered', params.entered);
  const query = search.toString();
  return query ? `/admin/readings?${query}` : '/admin/readings';
}
