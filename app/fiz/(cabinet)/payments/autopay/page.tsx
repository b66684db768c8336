import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { AutopayForm, AutopayOffForm } from '@/components/payments/autopay-forms';
import { accountHomes } from '@/lib/accounts/summary';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { amountFieldValue, formatRub } from '@/lib/format/money';
import { AUTOPAY_NOTICE_OPTIONS } from '@/lib/payments/autopay-notice';
import { AUTOPAY_CHARGE_LABELS, autopayOf, recentAutopayCharges } from '@/lib/payments/autopay';
import { bindingsOf, cardLabel } from '@/lib/payments/bindings';
import { currentReadingWindow } from '@/lib/readings/settings';
import { saveAutopay, turnOffAutopay } from './actions';

export const metadata: Metadata = { title: 'Автоплатёж' };

function noticeLabel(hours: number): string {
  return AUTOPAY_NOTICE_OPTIONS.find((o) => Number(o.value) === hours)?.label ?? `за ${hours} ч`;
}

export default async function AutopayPage({ searchParams }: PageProps<'/fiz/payments/autopay'>) {
  const user = await requireUser('household', '/fiz/payments/autopay');
  const { saved, off } = await searchParams;
  const window = await currentReadingWindow();
  const ids = await accessibleAccountIds(user);
  const [homes, bindings, settings, charges] = await Promise.all([
    accountHomes(ids, window.period),
    bindingsOf(user.id),
    autopayOf(ids),
    recentAutopayCharges(ids),
  ]);
  const cards = bindings
    .filter((b) => b.purpose === 'electricity')
    .map((b) => ({ value: b.id, label: `${cardLabel(b.cardMask)} (${b.cardMask})` }));
  return (
    <div className="max-w-xl">
      <PageTitle
        title="Автоплатёж"
        lead="Новый счёт оплачивается с привязанной карты сам. Перед каждым списанием придёт уведомление; выключить автоплатёж можно в любой момент."
      />
      {saved ? (
        <p className="notice mb-4" role="status" data-testid="autopay-saved">
          Автоплатёж включён. Перед каждым списанием мы предупредим.
        </p>
      ) : null}
      {off ? (
        <p className="notice mb-4" role="status" data-testid="autopay-off">
          Автоплатёж выключен: с карты больше ничего не спишется само.
        </p>
      ) : null}
      {cards.length === 0 ? (
        <p className="card" data-testid="autopay-no-card">
          Для автоплатежа нужна привязанная карта. Оплатите счёт <Link href="/fiz/payments">картой</Link> и отметьте
          «Запомнить карту для следующих платежей».
        </p>
      ) : (
        <ul className="grid gap-6">
          {homes.map((home) => {
            const setting = settings.get(home.id);
            const mine = !setting || setting.userId === user.id;
            const history = charges.filter((c) => c.accountId === home.id).slice(0, 3);
            return (
              <li key={home.id} className="card grid gap-4" data-testid="autopay-account">
                <h2 className="text-lg font-semibold">
                  Лицевой счёт {home.number} — {home.address}
                </h2>
                {setting ? (
                  <p data-testid="autopay-state">
                    Автоплатёж включён:{' '}
                    {setting.mode === 'fixed' && setting.fixedAmountKopecks
                      ? `${formatRub(setting.fixedAmountKopecks)} по каждому счёту`
                      : 'каждый новый счёт полностью'}
                    , не больше {formatRub(setting.monthlyCapKopecks)} в месяц, предупредим{' '}
                    {noticeLabel(setting.noticeHours)}.
                  </p>
                ) : (
                  <p className="text-slate-600">Автоплатёж выключен.</p>
                )}
                {history.length > 0 ? (
                  <ul className="text-sm text-slate-600">
                    {history.map((c) => (
                      <li key={c.id}>
                        {formatDateTime(c.chargeAfter)}: {AUTOPAY_CHARGE_LABELS[c.status]}
                        {c.amountKopecks > 0 ? `, ${formatRub(c.amountKopecks)}` : ''}
                        {c.reason ? ` — ${c.reason}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {mine ? (
                  <>
                    <AutopayForm
                      action={saveAutopay}
                      accountId={home.id}
                      cards={cards}
                      isOn={Boolean(setting)}
                      values={{
                        bindingId: setting?.cardBindingId ?? cards[0]!.value,
                        mode: setting?.mode ?? 'full_bill',
                        fixedAmount: setting?.fixedAmountKopecks ? amountFieldValue(setting.fixedAmountKopecks) : '',
                        monthlyCap: amountFieldValue(setting?.monthlyCapKopecks ?? 10_000_00),
                        noticeHours: String(setting?.noticeHours ?? 24),
                      }}
                    />
                    {setting ? <AutopayOffForm action={turnOffAutopay} accountId={home.id} /> : null}
                  </>
                ) : (
                  <p className="text-sm text-slate-600">Автоплатёж по этому счёту включил другой пользователь.</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
