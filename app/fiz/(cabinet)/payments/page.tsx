import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';
import { BindingList } from '@/components/payments/binding-list';
import { CabinetPaymentForm } from '@/components/payments/cabinet-payment-form';
import { accountHomes } from '@/lib/accounts/summary';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { amountFieldValue, formatRub } from '@/lib/format/money';
import { activeGatewayId, gatewayChoices, gatewayFor, sandboxActive } from '@/lib/payments/gateways';
import { bindingsOf } from '@/lib/payments/bindings';
import { currentReadingWindow } from '@/lib/readings/settings';
import { payFromCabinet, paySeveralAccounts, payWithBinding, removeBinding } from './actions';
import { SeveralAccountsForm } from '@/components/payments/several-accounts-form';
import Link from 'next/link';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Оплата' };

export default async function PaymentsPage({ searchParams }: PageProps<'/fiz/payments'>) {
  const user = await requireUser('household', '/fiz/payments');
  const { account, bill, card } = await searchParams;
  const window = await currentReadingWindow();
  const [homes, bindings] = await Promise.all([
    accessibleAccountIds(user).then((ids) => accountHomes(ids, window.period)),
    bindingsOf(user.id),
  ]);
  const choices = gatewayChoices();
  const selected = typeof account === 'string' && homes.some((h) => h.id === account) ? account : (homes[0]?.id ?? '');
  const payable = homes.map((h) => ({
    id: h.id,
    label: `${h.number} — ${h.address}`,
    due: amountFieldValue(h.balanceKopecks),
  }));
  return (
    <div className="max-w-xl">
      <PageTitle
        title="Оплата картой"
        lead="Банковской картой с 3-D Secure; комиссии нет. Данные карты вводятся на странице платёжного сервиса — мы их не видим."
      />
      {sandboxActive() ? (
        <p className="notice mb-4" data-testid="sandbox-notice">
          Платёжный шлюз не подключён: оплата идёт через встроенную песочницу, деньги не списываются. Тестовая карта
          4111 1111 1111 1111, код подтверждения 12345.
        </p>
      ) : null}
      {homes.length === 0 ? (
        <p className="card">Нет лицевых счетов для оплаты.</p>
      ) : (
        <div className="card">
          <ul className="mb-4 space-y-1 text-sm text-slate-600">
            {homes.map((h) => (
              <li key={h.id}>
                {h.number}:{' '}
                {h.balanceKopecks > 0
                  ? `к оплате ${formatRub(h.balanceKopecks)}` +
                    (h.overdueKopecks > 0 ? `, из них просрочено ${formatRub(h.overdueKopecks)}` : '')
                  : 'задолженности нет'}
              </li>
            ))}
          </ul>
          <CabinetPaymentForm
            action={payFromCabinet}
            accounts={payable}
            selected={selected}
            billId={typeof bill === 'string' && isUuid(bill) ? bill : undefined}
            gateways={choices}
            bindingGateways={choices.filter((c) => gatewayFor(c.value)?.chargesBoundCards).map((c) => c.value)}
          />
        </div>
      )}
      {homes.length > 1 ? (
        <section className="mt-8" aria-labelledby="several-title">
          <h2 id="several-title" className="mb-3 text-xl font-semibold">
            Оплатить несколько счетов сразу
          </h2>
          <div className="card">
            <SeveralAccountsForm
              action={paySeveralAccounts}
              gateways={choices}
              accounts={homes.map((h) => ({
                id: h.id,
                label: `${h.number} — ${h.address}`,
                due: h.balanceKopecks > 0 ? formatRub(h.balanceKopecks) : null,
              }))}
            />
          </div>
        </section>
      ) : null}
      <section className="mt-8" aria-labelledby="bindings-title">
        <h2 id="bindings-title" className="mb-3 text-xl font-semibold">
          Привязанные карты
        </h2>
        {card === 'removed' ? (
          <p className="notice mb-4" role="status" data-testid="binding-removed">
            Карта удалена: списать с неё больше нельзя.
          </p>
        ) : null}
        {bindings.length > 0 ? (
          <p className="mb-4 text-sm">
            <Link href="/fiz/payments/autopay">Автоплатёж</Link>: счета будут оплачиваться с привязанной карты сами.
          </p>
        ) : null}
        <BindingList
          bindings={bindings}
          gatewayId={activeGatewayId()}
          accounts={payable}
          selected={selected}
          charge={payWithBinding}
          remove={removeBinding}
        />
      </section>
    </div>
  );
}
