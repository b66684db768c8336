import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDocument } from '@/lib/content/documents';
import { toParagraphs } from '@/lib/content/paragraphs';

/** None at build: each item is rendered when first asked for, then served from the route cache. */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/cached/[edition]/documents/[slug]'>): Promise<Metadata> {
  const doc = await getDocument((await params).slug);
  return { title: doc?.title ?? 'Документ не найден', description: doc?.summary };
}

export default async function DocumentPage({ params }: PageProps<'/cached/[edition]/documents/[slug]'>) {
  const doc = await getDocument((await params).slug);
  if (!doc?.body) notFound();

  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/documents">← Все документы</Link>
      </p>
      <h1 className="mt-3">{doc.title}</h1>
      <p className="mt-2 text-slate-600">{doc.summary}</p>
      <div className="prose-plain mt-6 text-slate-800">
        {toParagraphs(doc.body).map((p, i) => (
          <p key={i} className="whitespace-pre-line">
            {p}
          </p>
        ))}
      </div>
      {doc.externalUrl ? (
        <p className="mt-6">
          <a href={doc.externalUrl} rel="noopener noreferrer" target="_blank">
            Официальный текст ↗
          </a>
        </p>
      ) : null}
    </article>
  );
}
