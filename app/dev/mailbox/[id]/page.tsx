import type { Metadata } from 'next';
import Link from 'next/link';
import { ReplyToLetterForm } from '@/components/dev-mailbox/demo-forms';
import { notFound } from 'next/navigation';
import { getMailboxMessage, linksInText, mailboxStatusLabels } from '@/lib/email/mailbox';
import { isDevMailboxEnabled } from '@/lib/email/transport';
import { formatDateTime } from '@/lib/format/dates';
import { replyToLetterAction } from '../actions';

export const metadata: Metadata = {
  title: 'Письмо — почтовый ящик разработчика',
  robots: { index: false, follow: false },
};

export default async function DevMailboxMessagePage({ params }: PageProps<'/dev/mailbox/[id]'>) {
  if (!isDevMailboxEnabled()) notFound();
  const { id } = await params;
  const message = await getMailboxMessage(id);
  if (!message) notFound();
  const links = linksInText(message.text);
  const replyTo = message.headers?.['Reply-To'];

  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href={`/dev/mailbox?to=${encodeURIComponent(message.toAddress)}`}>
          ← Все письма для {message.toAddress}
        </Link>
      </p>
      <div>
        <h1>{message.subject}</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">Кому</dt>
          <dd>{message.toAddress}</dd>
          <dt className="text-slate-500">Создано</dt>
          <dd>
            <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt)}</time>
          </dd>
          <dt className="text-slate-500">Статус</dt>
          <dd>
            {mailboxStatusLabels[message.status]}
            {message.attempts > 1 ? `, попыток: ${message.attempts}` : null}
          </dd>
          <dt className="text-slate-500">Шаблон</dt>
          <dd>
            <code>{message.template}</code>
          </dd>
        </dl>
      </div>

      {links.length > 0 ? (
        <section aria-labelledby="mail-links" className="card">
          <h2 id="mail-links" className="mb-2">
            Ссылки из письма
          </h2>
          <ul className="space-y-1">
            {links.map((link) => (
              <li key={link}>
                <a href={link}>{link}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {replyTo ? (
        <section aria-labelledby="mail-reply" className="card">
          <h2 id="mail-reply" className="mb-2">
            Ответить на письмо
          </h2>
          <ReplyToLetterForm action={replyToLetterAction} letterId={message.id} replyTo={replyTo} />
        </section>
      ) : null}

      <section aria-labelledby="mail-html">
        <h2 id="mail-html" className="mb-2">
          Письмо
        </h2>
        {/* Sandboxed: the letter's HTML can neither run scripts nor navigate this page. */}
        <iframe
          sandbox=""
          srcDoc={message.html}
          title={`Письмо: ${message.subject}`}
          className="h-[36rem] w-full rounded-xl border border-slate-200 bg-white"
        />
      </section>

      <section aria-labelledby="mail-text">
        <h2 id="mail-text" className="mb-2">
          Текстовая версия
        </h2>
        <pre className="card overflow-x-auto text-sm whitespace-pre-wrap">{message.text}</pre>
      </section>
    </article>
  );
}
