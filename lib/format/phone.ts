/** A `tel:` link for a phone as printed («8-994-52-19» → `tel:89945219`). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
