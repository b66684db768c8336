// What a guest payer may see of a payee (152-ФЗ: enough to recognise one's own account, not
// enough to learn a stranger's name or home): «Иванова Мария Петровна» → «И***а М. П.»,
// «ул. Ленина» → «ул. Л***». No house number: in a village, the street and house name a person.

function maskWord(word: string): string {
  const letters = [...word];
  if (letters.length <= 2) return `${letters[0] ?? ''}***`;
  return `${letters[0]}***${letters[letters.length - 1]}`;
}

export function maskHolderName(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname) return '***';
  const initials = rest.map((part) => `${[...part][0]?.toUpperCase() ?? ''}.`).join(' ');
  return [maskWord(surname), initials].filter(Boolean).join(' ');
}

const streetKinds = /^(ул\.|пер\.|пр-т|пр\.|просп\.|ш\.|б-р|пл\.|проезд|мкр\.?|тупик|наб\.)\s*/i;

export function maskStreet(street: string): string {
  const trimmed = street.trim();
  const kind = streetKinds.exec(trimmed)?.[0] ?? '';
  const name = trimmed.slice(kind.length);
  return `${kind}${[...name][0] ?? ''}***`;
}

export function maskedAddress(a: { settlement: string; street: string }): string {
  return `${a.settlement}, ${maskStreet(a.street)}`;
}
