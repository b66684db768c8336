import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import { GuestConfirmForm } from '@/components/support/appeal-forms';
import { AppealFacts, AppealThread, AppellantActions } from '@/components/support/appeal-views';
import { APPEAL_TOPIC_LABEL } from '@/lib/support/appeal-topics';
import { appealForAppellant, guestAppealPath, readGuestAppealParam } from '@/lib/support/appeals';
import { closeAsGuest, confirmGuestAppeal, replyAsGuest } from '../actions';

export const metadata: Metadata = { title: 'Обращение', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

const FLASH: Record<string, string> = {
  confirmed: 'Адрес подтверждён — обращение передано специалистам.',
  sent: 'Сообщение отправлено специалистам.',
  closed: 'Обращение закрыто. Спасибо за оценку!',
};

// A guest's appeal, opened by the signed link of the letter (the key is the only credential).
export default async function GuestAppealThreadPage({ params, searchParams }: PageProps<'/support/appeals/[key]'>) {
  const { key } = await params;
  const id = readGuestAppealParam(key);
  const a = id ? await appealForAppellant(id, { kind: 'guest', appealId: id }) : null;
  if (!a) notFound();
  const query = await searchParams;
  const flash = Object.keys(FLASH).find((f) => query[f] === '1');
  const guestKey = decodeURIComponent(key);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageTitle title={`Обращение № ${a.number}`} lead={APPEAL_TOPIC_LABEL[a.topic]} />
      {flash ? (
        <p className="notice" role="status">
          {FLASH[flash]}
        </p>
      ) : null}
      {a.status === 'awaiting_email_confirmation' ? (
        <section className="card space-y-3" aria-labelledby="appeal-confirm">
          <h2 id="appeal-confirm">Подтвердите обращение</h2>
          <p>Нажмите кнопку — так мы убедимся, что письмо пришло вам, и передадим обращение специалистам.</p>
          <GuestConfirmForm action={confirmGuestAppeal} guestKey={guestKey} />
        </section>
      ) : null}
      <AppealFacts a={a} />
      <AppealThread messages={a.messages} fileBase={guestAppealPath(a.id)} />
      {a.status === 'open' || a.status === 'answered' ? (
        <AppellantActions target={{ guestKey }} actions={{ reply: replyAsGuest, close: closeAsGuest }} />
      ) : null}
    </div>
  );
}
