// Which houses of a street an outage covers, written as people write it: «1–25, 27, 30а», «2-18»,
// «12 к2». Empty means the whole street. A range covers the houses whose number (the leading digits)
// falls in it, so «1–25» covers «7», «7а» and «7 к1»; a single entry must match the house exactly
// (letters and building ignored for a plain number: «30» covers «30а» too, as field crews write it).

export type HouseSpec = Array<{ from: number; to: number } | { house: string }>;

const RANGE = /^(\d{1,4})\s*[-–—]\s*(\d{1,4})$/;

/** The spelling of a house without case, spaces or «д.» prefix: «Д. 30 А» → «30а». */
function normalizeHouse(house: string): string {
  return house
    .toLowerCase()
    .replace(/^д\.?\s*/, '')
    .replace(/\s+/g, '')
    .replace(/корп(ус)?\.?/g, 'к')
    .replace(/стр(оение)?\.?/g, 'с');
}

/** null when an entry is not a house or a range (the form tells the operator which one). */
export function parseHouseSpec(text: string): { ok: true; spec: HouseSpec } | { ok: false; entry: string } {
  const spec: HouseSpec = [];
  for (const raw of text.split(/[,;]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const range = RANGE.exec(entry);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to || from < 1) return { ok: false, entry };
      spec.push({ from, to });
    } else if (/^(д\.?\s*)?\d{1,4}(\s*[а-яa-z]|\s*\/\s*\d{1,4}|\s*(к|корп\.?|стр\.?)\s*\d{1,3})*$/i.test(entry)) {
      spec.push({ house: normalizeHouse(entry) });
    } else {
      return { ok: false, entry };
    }
  }
  return { ok: true, spec };
}

export function houseMatches(spec: HouseSpec, house: string): boolean {
  if (spec.length === 0) return true;
  const normalized = normalizeHouse(house);
  const number = Number(/^\d+/.exec(normalized)?.[0] ?? NaN);
  return spec.some((part) => {
    if ('from' in part) return number >= part.from && number <= part.to;
    if (part.house === normalized) return true;
    // A plain number in the list covers its lettered and building variants.
    return /^\d+$/.test(part.house) && Number(part.house) === number;
  });
}

/** How the list is published: «д. 1–25, 27» (with an en dash), or «все дома». */
export function formatHouseSpec(text: string | null): string {
  if (!text || !text.trim()) return 'все дома';
  return `д. ${text
    .split(/[,;]/)
    .map((s) => s.trim().replace(/\s*[-–—]\s*/, '–'))
    .filter(Boolean)
    .join(', ')}`;
}
