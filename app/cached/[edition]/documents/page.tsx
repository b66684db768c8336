import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import type { Document } from '@/db/schema';
import { documentAudienceLabels } from '@/lib/content/document-audiences';
import { documentCategoryLabels, listDocuments } from '@/lib/content/documents';

export const metadata: Metadata = { title: 'Документы' };

export default async function DocumentsPage() {
  const docs = await listDocuments();
  const groups = new Map<Document['category'], Document[]>();
  for (const doc of docs) groups.set(doc.category, [...(groups.get(doc.category) ?? []), doc]);

  return (
    <div className="space-y-8">
      <PageTitle
        title="Документы"
        lead="Нормативные акты, договоры и правила, по которым мы работаем с абонентами — физическими и юридическими лицами."
      />
      {[...groups].map(([category, items]) => (
        <section key={category} aria-labelledby={`docs-${category}`}>
          <h2 id={`docs-${category}`} className="mb-3">
            {documentCategoryLabels[category]}
          </h2>
          <ul className="grid gap-3 md:grid-cols-2">
            {items.map((doc) => (
              <li key={doc.id} className="card">
                <h3 className="font-semibold">
                  {doc.fileId ? (
                    <a href={`/documents/${doc.slug}/file`} target="_blank" rel="noopener">
                      {doc.title}
                      <span className="sr-only"> (PDF)</span>
                    </a>
                  ) : doc.body ? (
                    <Link href={`/documents/${doc.slug}`}>{doc.title}</Link>
                  ) : (
                    <a href={doc.externalUrl ?? '#'} rel="noopener noreferrer" target="_blank">
                      {doc.title}
                      <span className="sr-only"> (откроется на официальном сайте)</span> ↗
                    </a>
                  )}
                </h3>
                <p className="mt-1 text-sm text-slate-600">{doc.summary}</p>
                {doc.fileId || doc.version || doc.audience !== 'both' ? (
                  <p className="mt-1 text-xs text-slate-500">
                    {[
                      doc.fileId ? 'PDF' : null,
                      doc.version,
                      doc.audience !== 'both' ? documentAudienceLabels[doc.audience] : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
