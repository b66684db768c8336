import { parseAsStringLiteral } from 'nuqs/server';
import { describe, expect, it } from 'vitest';
import { listParams, pageNumber, rowId, searchText } from '@/lib/http/list-params';

const list = listParams('/admin/list', {
  q: searchText(10),
  status: parseAsStringLiteral(['open', 'closed'] as const).withDefault('open'),
  id: rowId,
  page: pageNumber,
});
const read = (params: Record<string, string | string[] | undefined>) => list.read(Promise.resolve(params));

describe('a list page query string', () => {
  it('reads well-formed values', async () => {
    expect(
      await read({ q: '  Иванов  ', status: 'closed', id: '6f1c2a0e-4b7d-4c55-9a51-0d2b6c1e8f00', page: '3' }),
    ).toEqual({ q: 'Иванов', status: 'closed', id: '6f1c2a0e-4b7d-4c55-9a51-0d2b6c1e8f00', page: 3 });
  });

  it('ignores what does not parse instead of failing the page', async () => {
    for (const page of ['0', '-2', '2.5', 'abc', '99999999', '']) {
      expect((await read({ page })).page).toBe(1);
    }
    expect(await read({ q: '   ', status: 'deleted', id: '--------------------------------------------' })).toEqual({
      q: null,
      status: 'open',
      id: null,
      page: 1,
    });
    expect((await read({ q: 'x'.repeat(50) })).q).toBe('x'.repeat(10));
  });

  it('takes the first of repeated parameters', async () => {
    expect((await read({ page: ['2', '5'] })).page).toBe(2);
  });

  it('writes links that read back to the same values, leaving defaults out', async () => {
    expect(list.href({ page: 1, status: 'open' })).toBe('/admin/list');
    const href = list.href({ q: 'ул. Ленина, 5', status: 'closed', page: 4 });
    const back = await read(Object.fromEntries(new URL(href, 'http://x').searchParams));
    expect(back).toEqual({ q: 'ул. Ленина', status: 'closed', id: null, page: 4 });
  });

  it('reads a request URL the same way, and puts the values on another address of the list', () => {
    expect(list.parse(new URL('http://x/admin/list/export?q=Петров&page=2&format=csv'))).toEqual({
      q: 'Петров',
      status: 'open',
      id: null,
      page: 2,
    });
    expect(list.href({ q: 'Петров', page: null }, '/admin/list/export?format=csv')).toBe(
      '/admin/list/export?format=csv&q=Петров',
    );
  });
});
