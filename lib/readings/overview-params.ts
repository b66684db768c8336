// The staff readings list's query string: period, state filter, search, page, and the meter whose
// reading was just entered (the notice at the top). Read by the page, written by its links and by
// the entry action's redirect back to the same list.
import { createParser, parseAsStringLiteral } from 'nuqs/server';
import { listParams, pageNumber, rowId, searchText } from '@/lib/http/list-params';
import { READING_FILTERS } from '@/lib/meters/schemas';
import { isBillingPeriod } from '@/lib/validation/calendar';

const period = createParser({ parse: (v) => (isBillingPeriod(v) ? v : null), serialize: (v) => v });

export const readingsListParams = listParams('/admin/readings', {
  period,
  status: parseAsStringLiteral(READING_FILTERS).withDefault('all'),
  q: searchText(40),
  page: pageNumber,
  entered: rowId,
});
