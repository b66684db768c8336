// The safe markup of published texts (news, notices): blank lines separate paragraphs, lines
// starting with «- » (or «* ») make a bulleted list, «1. » a numbered one, and [text](address) is a
// link. The text is parsed into a tree and React renders the tree, so nothing typed — «<b>»,
// «<script>» — ever becomes HTML: it stays visible text. Pure: the preview in the browser and the
// public page use the same parser.

export type Inline = { type: 'text'; text: string } | { type: 'link'; href: string; text: string } | { type: 'break' };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+/;
const LINK = /\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)/g;

/**
 * Links may go to the web (http/https), to e-mail or a phone, or to a page of this site. Anything
 * else (javascript:, data:, //elsewhere) is not a link and is shown as typed.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) return href;
  try {
    const url = new URL(href);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
    if (url.protocol === 'mailto:' || url.protocol === 'tel:') return href;
  } catch {
    return null;
  }
  return null;
}

function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (index > 0) out.push({ type: 'break' });
    let last = 0;
    for (const match of line.matchAll(LINK)) {
      const href = safeHref(match[2]!);
      if (!href) continue;
      if (match.index > last) out.push({ type: 'text', text: line.slice(last, match.index) });
      out.push({ type: 'link', href, text: match[1]!.trim() || href });
      last = match.index + match[0].length;
    }
    if (last < line.length) out.push({ type: 'text', text: line.slice(last) });
  });
  return out;
}

function listKind(lines: string[]): 'bullet' | 'numbered' | null {
  if (lines.every((l) => BULLET.test(l))) return 'bullet';
  if (lines.every((l) => NUMBERED.test(l))) return 'numbered';
  return null;
}

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.replace(/^\n+|\s+$/g, ''))
    .filter((chunk) => chunk.trim() !== '');
  for (const chunk of chunks) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    const kind = listKind(lines);
    if (kind) {
      const marker = kind === 'bullet' ? BULLET : NUMBERED;
      blocks.push({
        type: 'list',
        ordered: kind === 'numbered',
        items: lines.map((l) => parseInline(l.replace(marker, '').trim())),
      });
    } else {
      blocks.push({ type: 'paragraph', children: parseInline(lines.map((l) => l.trim()).join('\n')) });
    }
  }
  return blocks;
}
