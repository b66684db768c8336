// Reading a PDF's text back, for tests: enough of PDF for PDFKit's output (objects, Flate streams,
// Type0 fonts with a ToUnicode CMap, the Tf / Tj / TJ operators). Proves the text is searchable.
import { inflateSync } from 'node:zlib';

function pdfObjects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const raw = body
      .slice(at + 'stream'.length)
      .replace(/^\r?\n/, '')
      .replace(/\r?\nendstream\s*$/, '');
    const bytes = Buffer.from(raw, 'latin1');
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes });
  }
  return objects;
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(src!, 16), utf16(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      if (dst!.startsWith('[')) {
        [...dst!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(from + i, utf16(d[1]!)));
      } else {
        const base = parseInt(dst!.slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(base + code - from));
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): { text: string; pages: number; fonts: string[] } {
  const objects = pdfObjects(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  // Font resource names (/F1 …) → the Unicode map of that font.
  const maps = new Map<string, Map<number, string>>();
  const fonts: string[] = [];
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!fontDict) continue;
    for (const [, name, num] of fontDict[1]!.matchAll(/\/([A-Za-z0-9]+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(num))!;
      const baseFont = /\/BaseFont\s*\/([^\s/]+)/.exec(font.dict)?.[1];
      if (baseFont) fonts.push(baseFont);
      const cmap = objects.get(ref(font.dict, 'ToUnicode'))?.stream;
      if (cmap) maps.set(name!, parseCmap(cmap.toString('latin1')));
    }
  }
  let text = '';
  const pageObjects = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  for (const page of pageObjects) {
    const content = objects.get(ref(page.dict, 'Contents'))!.stream!.toString('latin1');
    let map = new Map<number, string>();
    const decode = (hex: string) =>
      (hex.match(/.{4}/g) ?? []).map((code) => map.get(parseInt(code, 16)) ?? '\ufffd').join('');
    for (const op of content.matchAll(
      /\/([A-Za-z0-9]+)\s+[-\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g,
    )) {
      if (op[1]) map = maps.get(op[1]) ?? new Map();
      else if (op[2] !== undefined) text += [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1]!)).join('');
      else if (op[3] !== undefined) text += decode(op[3]);
      else text += '\n';
    }
  }
  return { text, pages: pageObjects.length, fonts };
}
