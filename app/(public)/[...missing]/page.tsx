import { notFound } from 'next/navigation';

// Any address no route knows: answered here rather than by the root boundary, so the 404 page has
// the site's header, footer and (in demo mode) the demo banner, drawn per request.
export default function MissingPage(): never {
  notFound();
}
