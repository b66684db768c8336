import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SendReminderForm, SendSmsForm } from '@/components/dev-mailbox/demo-forms';
import { PageTitle } from '@/components/page-title';
import { listMailbox, listSmsMailbox, mailboxStatusLabels } from '@/lib/email/mailbox';
import { isDevMailboxEnabled } from '@/lib/email/transport';
import { formatDateTime } from '@/lib/format/dates';
import { sendReminderAction, sendSmsAction } from './actions';

export const metadata: Metadata = { title: 'Почтовый ящик разработчика', robots: { index: false, follow: false } };

function parseTo(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim().slice(0, 320) || undefined : undefined;
}

export default async function DevMailboxPage({ searchParams }: PageProps<'/dev/mailbox'>) {
  if (!isDevMailboxEnabled()) notFound();
  const to = parseTo((await searchParams).to);
  const messages = await listMailbox({ to });
  const sms = await listSmsMailbox({ to });

  return (
    <div className="space-y-6">
      <PageTitle
        title="Почтовый ящик разработчика"
        lead="Письма, которые отправило бы приложение. Ключ RESEND_API_KEY не задан, поэтому они хранятся здесь и никуда не уходят."
      />

      <form method="get" className="card grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" role="search">
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Получатель</span>
          <input
            type="email"
            name="to"
            defaultValue={to ?? ''}
            placeholder="Например, ivanov@example.ru"
            className="w-full rounded-lg border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Показать
        </button>
        {to ? (
          <Link href="/dev/mailbox" className="py-2">
            Все письма
          </Link>
        ) : null}
      </form>

      {messages.length === 0 ? (
        <p className="card text-slate-600">{to ? `Писем для ${to} нет.` : 'Писем пока нет.'}</p>
      ) : (
        <div className="card overflow-x-auto p-0 sm:p-0">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">Создано</th>
                <th scope="col">Получатель</th>
                <th scope="col">Тема</th>
                <th scope="col">Статус</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td className="whitespace-nowrap">
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                  </td>
                  <td>{m.toAddress}</td>
                  <td>
                    <Link href={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td className="whitespace-nowrap">{mailboxStatusLabels[m.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="sms-heading" className="space-y-3">
        <h2 id="sms-heading">СМС</h2>
        <p className="text-sm text-slate-600">
          SMSRU_API_ID не задан: СМС-уведомления хранятся здесь. Ночью (22:00–08:00 по Москве) СМС ждут утра, кроме
          аварийных отключений.
        </p>
        {sms.length === 0 ? (
          <p className="card text-slate-600">СМС пока нет.</p>
        ) : (
          <div className="card overflow-x-auto p-0 sm:p-0">
            <table className="table-base" data-testid="sms-mailbox">
              <thead>
                <tr>
                  <th scope="col">Создано</th>
                  <th scope="col">Телефон</th>
                  <th scope="col">Текст</th>
                  <th scope="col">Статус</th>
                </tr>
              </thead>
              <tbody>
                {sms.map((m) => (
                  <tr key={m.id}>
                    <td className="whitespace-nowrap">
                      <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                    </td>
                    <td className="whitespace-nowrap">{m.phone}</td>
                    <td>{m.text}</td>
                    <td className="whitespace-nowrap">
                      {mailboxStatusLabels[m.status]}
                      {m.status === 'pending' && m.nextAttemptAt > m.createdAt
                        ? ` (не раньше ${formatDateTime(m.nextAttemptAt)})`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="outside-heading" className="space-y-3">
        <h2 id="outside-heading">Написать приложению</h2>
        <p className="text-sm text-slate-600">
          Демонстрация: здесь можно получить напоминание о показаниях сегодня (обычно оно приходит за два дня до конца
          приёма) и отправить СМС так, как его доставил бы SMS.ru. На письмо-напоминание можно ответить со страницы
          письма.
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="card">
            <SendReminderForm action={sendReminderAction} email={to} />
          </div>
          <div className="card">
            <SendSmsForm action={sendSmsAction} />
          </div>
        </div>
      </section>
    </div>
  );
}
