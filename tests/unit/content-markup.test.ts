import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { MarkupView } from '@/components/content/markup-view';
import { formatHouseSpec, houseMatches, parseHouseSpec } from '@/lib/content/house-spec';
import { parseMarkup, safeHref } from '@/lib/content/markup';
import { slugify, uniqueSlug } from '@/lib/content/slug';

const html = (source: string) => renderToStaticMarkup(createElement(MarkupView, { source }));

describe('the safe markup of news', () => {
  it('makes paragraphs, lists and links', () => {
    expect(
      parseMarkup('Первый абзац\nвторая строка\n\n- один\n- [два](https://example.ru/x)\n\n1. раз\n2. два'),
    ).toEqual([
      {
        type: 'paragraph',
        children: [{ type: 'text', text: 'Первый абзац' }, { type: 'break' }, { type: 'text', text: 'вторая строка' }],
      },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'один' }], [{ type: 'link', href: 'https://example.ru/x', text: 'два' }]],
      },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'раз' }], [{ type: 'text', text: 'два' }]] },
    ]);
  });

  it('shows typed HTML as text, never as markup', () => {
    const out = html('<script>alert(1)</script> <b>жирный</b> <img src=x onerror=alert(1)>');
    expect(out).toBe(
      '<div class="prose-plain"><p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;жирный&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;</p></div>',
    );
  });

  it('links only to the web, e-mail, a phone or this site', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/tariffs')).toBe('/tariffs');
    expect(safeHref('mailto:info@example.ru')).toBe('mailto:info@example.ru');
    expect(html('[клик](javascript:alert(1))')).not.toContain('href');
    expect(html('См. [тарифы](/tariffs) и [сайт](https://example.ru)')).toBe(
      '<div class="prose-plain"><p>См. <a href="/tariffs">тарифы</a> и <a href="https://example.ru/" rel="noopener noreferrer nofollow" target="_blank">сайт</a></p></div>',
    );
  });
});

describe('house lists of an outage', () => {
  it('reads ranges, lettered houses and buildings', () => {
    const parsed = parseHouseSpec('1–25, 27; 30а, 12 к2');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(houseMatches(parsed.spec, '7')).toBe(true);
    expect(houseMatches(parsed.spec, '7А')).toBe(true);
    expect(houseMatches(parsed.spec, '26')).toBe(false);
    expect(houseMatches(parsed.spec, 'д. 30 А')).toBe(true);
    expect(houseMatches(parsed.spec, '30')).toBe(false);
    expect(houseMatches(parsed.spec, '12 корп. 2')).toBe(true);
    expect(houseMatches([], 'любой')).toBe(true);
  });

  it('refuses what is not a house', () => {
    expect(parseHouseSpec('возле рынка')).toEqual({ ok: false, entry: 'возле рынка' });
    expect(parseHouseSpec('25–1')).toEqual({ ok: false, entry: '25–1' });
  });

  it('publishes the list with an en dash', () => {
    expect(formatHouseSpec('1-25, 27')).toBe('д. 1–25, 27');
    expect(formatHouseSpec(null)).toBe('все дома');
  });
});

describe('addresses of published items', () => {
  it('transliterates a Russian title', () => {
    expect(slugify('Новые тарифы с 1 января 2027 года!')).toBe('novye-tarify-s-1-yanvarya-2027-goda');
    expect(slugify('***')).toBe('publikaciya');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});
