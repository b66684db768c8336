import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine, toCsv } from '@/lib/readings/csv';

// The staff export: `;`-separated UTF-8 with a BOM for Russian Excel, RFC 4180 quoting,
// and cells that a spreadsheet would run as formulas neutralised.

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('Иванова Мария Петровна')).toBe('Иванова Мария Петровна');
    expect(csvCell('г. Истра, ул. Советская, д. 12')).toBe('г. Истра, ул. Советская, д. 12');
    expect(csvCell(12345)).toBe('12345');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes cells holding the separator, quotes or line breaks, doubling inner quotes', () => {
    expect(csvCell('ООО «Ромашка»; склад')).toBe('"ООО «Ромашка»; склад"');
    expect(csvCell('ООО "Ромашка"')).toBe('"ООО ""Ромашка"""');
    expect(csvCell('строка 1\nстрока 2')).toBe('"строка 1\nстрока 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    // With another separator, `;` is plain text and `,` needs quotes.
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
  });

  it('neutralises formulas: = + - @ tab and CR at the start get a leading quote', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","нажми")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""нажми"")"`,
    );
    expect(csvCell('+7 916 245-18-73')).toBe("'+7 916 245-18-73");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('=1;2')).toBe(`"'=1;2"`);
    // Only at the start; and numbers are numbers, not text.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
  });

  it('refuses numbers a spreadsheet cannot hold', () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('csvLine', () => {
  it('joins quoted cells with the separator', () => {
    expect(csvLine(['50010001', 'a;b', 7, null, '-1'])).toBe(`50010001;"a;b";7;;'-1`);
  });
});

describe('toCsv', () => {
  it('BOM, header, CRLF after every line', () => {
    const csv = toCsv(
      ['Лицевой счёт', 'Абонент', 'Показание'],
      [
        ['50010001', 'Иванова; М. П.', 18342],
        ['50010004', '=cmd', null],
      ],
    );
    expect(csv).toBe(
      `${CSV_BOM}Лицевой счёт;Абонент;Показание\r\n50010001;"Иванова; М. П.";18342\r\n50010004;'=cmd;\r\n`,
    );
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('without a BOM, with another separator; a header alone for no rows', () => {
    expect(toCsv(['a', 'b'], [], { bom: false })).toBe('a;b\r\n');
    expect(toCsv(['a', 'b'], [['x,y', 1]], { bom: false, separator: ',' })).toBe('a,b\r\n"x,y",1\r\n');
  });

  it('refuses a row of the wrong width and unusable separators', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(RangeError);
    expect(() => toCsv(['a'], [], { separator: '"' })).toThrow(RangeError);
    expect(() => toCsv(['a'], [], { separator: ';;' })).toThrow(RangeError);
  });

  it('round-trips through a strict RFC 4180 reader', () => {
    const rows = [
      ['1', 'ООО "Север"; цех 2', 'две\nстроки'],
      ['2', '', '"'],
    ];
    const parsed = parseCsv(toCsv(['n', 'name', 'note'], rows, { bom: false }));
    expect(parsed).toEqual([['n', 'name', 'note'], ...rows]);
  });
});

/** A minimal strict reader (quotes, doubled quotes, CRLF) to check the writer against. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}
