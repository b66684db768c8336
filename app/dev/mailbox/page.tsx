import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import { listMailbox, mailboxStatusLabels } from '@/lib/email/mailbox';
import { isDevMailboxEnabled } from '@/lib/email/transport';
import { formatDateTime } from '@/lib/format/dates';

export const metadata: Metadata = { title: 'Почтовый ящик разработчика', robots: { index: false, follow: false } };

function parseTo(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim().slice(0, 320) || undefined : undefined;
}

export default async function DevMailboxPage({ searchParams }: PageProps<'/dev/mailbox'>) {
  if (!isDevMailboxEnabled()) notFound();
  const to = parseTo((await searchParams).to);
  const messages = await listMailbox({ to });

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
    </div>
  );
}
