import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import { SandboxPaymentForms } from '@/components/payments/sandbox-forms';
import { formatRub } from '@/lib/format/money';
import { sandboxCards } from '@/lib/payments/gateway/sandbox/cards';
import { parseRequest } from '@/lib/payments/gateway/sandbox/pay-flow';
import { sandboxActive } from '@/lib/payments/gateways';
import { confirm3ds, payWithCard } from './actions';

export const metadata: Metadata = { title: 'Песочница платёжного шлюза', robots: { index: false } };

// The built-in sandbox gateway's payment page (what Robokassa's page is in production); 404
// outside demo mode and development.
export default async function SandboxPayPage({ searchParams }: PageProps<'/sandbox/pay'>) {
  if (!sandboxActive()) notFound();
  const raw = await searchParams;
  const query = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'),
  ).toString();
  const request = parseRequest(query);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Песочница платёжного шлюза" lead="Тестовый режим: настоящие деньги не списываются." />
      {!request.ok ? (
        <p className="card" role="alert">
          Запрос на оплату повреждён или подписан неверно. Вернитесь в магазин и начните оплату заново.
        </p>
      ) : (
        <div className="card space-y-4">
          <dl className="text-sm">
            <dt className="text-slate-500">Сумма</dt>
            <dd className="text-2xl font-bold tabular-nums" data-testid="sandbox-amount">
              {formatRub(request.amountKopecks)}
            </dd>
            <dt className="mt-2 text-slate-500">Назначение</dt>
            <dd>{request.description}</dd>
            <dt className="mt-2 text-slate-500">Заказ</dt>
            <dd>№ {request.invId}</dd>
          </dl>
          <SandboxPaymentForms request={query} payAction={payWithCard} confirmAction={confirm3ds} />
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer">Тестовые карты</summary>
            <ul className="mt-2 space-y-1">
              {sandboxCards.map((c) => (
                <li key={c.pan}>
                  <span className="tabular-nums">{c.pan.replace(/(\d{4})(?=\d)/g, '$1 ')}</span> — {c.label}
                </li>
              ))}
              <li>Срок — любой будущий, CVC — любые три цифры, код 3-D Secure — 12345.</li>
            </ul>
          </details>
        </div>
      )}
    </div>
  );
}
