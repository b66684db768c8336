import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  ApplicationButtonForm,
  OfferContractForm,
  RefuseApplicationForm,
  RequestDocumentsForm,
} from '@/components/applications/application-forms';
import { ApplicationView } from '@/components/applications/application-view';
import { PageTitle } from '@/components/page-title';
import { applicationDetail } from '@/lib/applications/applications';
import { checklistTitle, missingRequired } from '@/lib/applications/checklist';
import { type ApplicationStatus, checkApplicationTransition } from '@/lib/applications/status';
import { requireUser } from '@/lib/auth/session';
import { markSigned, offerContract, refuseApplication, requestDocuments, takeIntoReview } from '../actions';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Заявка на договор' };

const DONE: Record<string, string> = {
  in_review: 'Заявка взята на рассмотрение, заявителю отправлено письмо.',
  documents_requested: 'Запрос документов отправлен заявителю.',
  contract_offered: 'Договор сформирован и отправлен заявителю.',
  signed: 'Договор отмечен подписанным.',
  refused: 'Заявителю отправлен отказ с причиной.',
};

export default async function StaffApplicationPage({ params, searchParams }: PageProps<'/admin/applications/[id]'>) {
  const { id } = await params;
  await requireUser('staff', isUuid(id) ? `/admin/applications/${id}` : '/admin/applications');
  const detail = await applicationDetail(id, null);
  if (!detail) notFound();
  const { done } = await searchParams;
  const a = detail.application;
  const can = (to: ApplicationStatus) => checkApplicationTransition(a.status, to, 'staff').ok;
  const missing = missingRequired(detail.files.map((f) => f.item));
  return (
    <div className="space-y-6">
      <PageTitle title={`Заявка на договор № ${a.number}`} lead={a.companyName} />
      <p className="text-sm">
        <Link href="/admin/applications">← Очередь заявок</Link>
      </p>
      {typeof done === 'string' && DONE[done] ? (
        <p className="notice" role="status" data-testid="staff-done">
          {DONE[done]}
        </p>
      ) : null}
      {a.offerFileId ? (
        <p>
          <a href={`/admin/applications/${a.id}/offer`} data-testid="staff-offer-link">
            Оферта договора (PDF)
          </a>
        </p>
      ) : null}
      <section className="card space-y-4" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Действия</h2>
        {can('in_review') ? (
          <ApplicationButtonForm
            action={takeIntoReview}
            applicationId={a.id}
            label="Взять на рассмотрение"
            pendingLabel="Сохраняем…"
          />
        ) : null}
        {can('documents_requested') ? <RequestDocumentsForm action={requestDocuments} applicationId={a.id} /> : null}
        {can('contract_offered') ? (
          <>
            {missing.length ? (
              <p className="text-sm text-amber-900" data-testid="staff-missing">
                Не приложены обязательные документы: {missing.map(checklistTitle).join('; ')}.
              </p>
            ) : null}
            <OfferContractForm
              action={offerContract}
              applicationId={a.id}
              suggestedNumber={`ЮЛ-${new Date().getUTCFullYear()}/${a.number}`}
            />
          </>
        ) : null}
        {can('signed') ? (
          <ApplicationButtonForm
            action={markSigned}
            applicationId={a.id}
            label="Договор подписан"
            pendingLabel="Сохраняем…"
          />
        ) : null}
        {can('refused') ? <RefuseApplicationForm action={refuseApplication} applicationId={a.id} /> : null}
        {a.status === 'signed' || a.status === 'refused' ? (
          <p className="text-sm">По заявке принято решение — изменить её нельзя.</p>
        ) : null}
      </section>
      <ApplicationView detail={detail} base="/admin" />
    </div>
  );
}
