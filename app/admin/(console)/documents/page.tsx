import type { Metadata } from 'next';
import { DocumentForm } from '@/components/console/document-form';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { documentAudienceLabels } from '@/lib/content/document-audiences';
import { documentCategoryLabels, listDocuments } from '@/lib/content/documents';
import { formatDate } from '@/lib/format/dates';
import { saveDocumentItem } from './actions';

export const metadata: Metadata = { title: 'Документы — публикация', robots: { index: false } };

export default async function StaffDocumentsPage({ searchParams }: PageProps<'/admin/documents'>) {
  await requireUser('staff', '/admin/documents');
  const { saved } = await searchParams;
  const docs = await listDocuments();
  return (
    <>
      <PageTitle
        title="Документы"
        lead="PDF публикуется сразу на странице «Документы»; новая редакция заменяет файл по тому же адресу."
      />
      {typeof saved === 'string' ? (
        <p className="notice mb-4" role="status" data-testid="document-saved">
          Документ опубликован: <a href={`/documents/${saved}/file`}>открыть на сайте</a>.
        </p>
      ) : null}
      <section className="card mb-6" aria-labelledby="new-document-heading">
        <h2 id="new-document-heading" className="mb-4 text-lg">
          Новый документ
        </h2>
        <DocumentForm
          action={saveDocumentItem}
          values={{ id: '', title: '', summary: '', category: 'subscribers', version: '', audience: 'both' }}
        />
      </section>
      <ul className="space-y-3">
        {docs.map((doc) => (
          <li key={doc.id} className="card" data-testid="staff-document">
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{doc.title}</span>
                <span className="block text-sm text-slate-600">
                  {documentCategoryLabels[doc.category]} · {documentAudienceLabels[doc.audience]}
                  {doc.version ? ` · ${doc.version}` : ''} · {doc.fileId ? 'PDF' : doc.body ? 'текст' : 'ссылка'} ·{' '}
                  {formatDate(doc.updatedAt ?? doc.publishedAt)}
                </span>
              </summary>
              <div className="mt-4">
                <DocumentForm
                  action={saveDocumentItem}
                  values={{
                    id: doc.id,
                    title: doc.title,
                    summary: doc.summary,
                    category: doc.category,
                    version: doc.version ?? '',
                    audience: doc.audience,
                  }}
                />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
