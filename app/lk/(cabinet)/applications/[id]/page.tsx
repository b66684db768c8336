import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationButtonForm, UploadDocumentForm } from '@/components/applications/application-forms';
import { ApplicationView } from '@/components/applications/application-view';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { applicationDetail } from '@/lib/applications/applications';
import { missingRequired, checklistTitle } from '@/lib/applications/checklist';
import { acceptsDocuments } from '@/lib/applications/status';
import { requireCompanyPage } from '@/lib/company/access';
import { resubmitApplication, uploadApplicationDocument } from '../actions';

export const metadata: Metadata = { title: 'Заявка на договор' };

export default async function CompanyApplicationPage({ params, searchParams }: PageProps<'/lk/applications/[id]'>) {
  const { id } = await params;
  const access = await requireCompanyPage('applications', `/lk/applications/${id}`);
  if (!access.allowed) return <RoleDenied title="Заявка на договор" role={access.member.role} />;
  // Another company's application is not found, the same as one that does not exist.
  const detail = await applicationDetail(id, access.member.companyId);
  if (!detail) notFound();
  const { created } = await searchParams;
  const a = detail.application;
  const missing = missingRequired(detail.files.map((f) => f.item));
  return (
    <>
      <PageTitle title={`Заявка на договор № ${a.number}`} />
      <p className="mb-4 text-sm">
        <Link href="/lk/applications">← Все заявки</Link>
      </p>
      {created ? (
        <p className="notice mb-4" role="status">
          Заявка подана. Приложите документы по перечню — рассмотрение начнётся, когда специалист их получит.
        </p>
      ) : null}
      {a.offerFileId && (a.status === 'contract_offered' || a.status === 'signed') ? (
        <section className="card mb-6 border-green-300 bg-green-50" data-testid="offer">
          <h2 className="mb-2">Договор</h2>
          <p className="mb-3 text-sm">
            {a.status === 'signed'
              ? 'Договор подписан обеими сторонами.'
              : 'Подпишите договор и передайте его куратору договора лично, почтой или по ЭДО.'}
          </p>
          <a className="btn-primary" href={`/lk/applications/${a.id}/offer`} data-testid="offer-link" download>
            Скачать договор (PDF)
          </a>
        </section>
      ) : null}
      {acceptsDocuments(a.status) ? (
        <section className="card mb-6" aria-labelledby="upload-heading">
          <h2 id="upload-heading" className="mb-3">
            Приложить документ
          </h2>
          {missing.length ? (
            <p className="mb-3 text-sm" data-testid="missing-documents">
              Не хватает обязательных: {missing.map(checklistTitle).join('; ')}.
            </p>
          ) : null}
          <UploadDocumentForm action={uploadApplicationDocument} applicationId={a.id} />
          {a.status === 'documents_requested' ? (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <p className="mb-2 text-sm">Приложили всё, что просили? Отправьте заявку обратно на рассмотрение.</p>
              <ApplicationButtonForm
                action={resubmitApplication}
                applicationId={a.id}
                label="Документы добавлены"
                pendingLabel="Отправляем…"
              />
            </div>
          ) : null}
        </section>
      ) : null}
      <ApplicationView detail={detail} base="/lk" />
    </>
  );
}
