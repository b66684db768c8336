import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { AddServiceForm, ChangePriceForm, RetireServiceForm } from '@/components/services/staff-forms';
import { requireUser } from '@/lib/auth/session';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { listCatalogue } from '@/lib/services/catalogue';
import { addServiceAction, changePriceAction, retireServiceAction } from '../actions';

export const metadata: Metadata = { title: 'Платные услуги — прейскурант' };

const DONE: Record<string, string> = {
  added: 'Услуга добавлена и уже видна в прейскуранте.',
  price: 'Новая цена сохранена.',
  retired: 'Услуга снята с продажи. Поданные заявки на неё остаются в работе.',
};

const rubField = (kopecks: number) => (kopecks / 100).toFixed(2).replace('.', ',');
const price = (kopecks: number, from: boolean) => `${from ? 'от ' : ''}${formatRub(kopecks)}`;

export default async function ServiceCataloguePage({ searchParams }: PageProps<'/admin/services/catalogue'>) {
  await requireUser('staff', '/admin/services/catalogue');
  const { done } = await searchParams;
  const rows = await listCatalogue();
  const today = moscowDay(new Date());
  return (
    <div className="max-w-4xl space-y-6">
      <PageTitle
        title="Прейскурант"
        lead="Услуги, которые можно заказать, и их цены. Цена меняется с даты — сегодняшней или будущей; заявки сохраняют цену, по которой заказаны."
      />
      {typeof done === 'string' && DONE[done] ? (
        <p className="notice" role="status">
          {DONE[done]}
        </p>
      ) : null}
      <ul className="space-y-4" aria-label="Услуги">
        {rows.map((s) => (
          <li key={s.id} className="card space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg">{s.title}</h2>
              <p className="text-sm text-slate-600">
                {s.category} · код {s.code}
              </p>
            </div>
            <p>
              {s.active ? 'Цена сейчас' : 'Снята с продажи; последняя цена'}: {price(s.priceKopecks, s.priceIsFrom)} за{' '}
              {s.unit}
            </p>
            {s.upcoming.length ? (
              <ul className="text-sm text-slate-700" aria-label={`Будущие цены: ${s.title}`}>
                {s.upcoming.map((u) => (
                  <li key={u.effectiveFrom}>
                    С {formatDate(u.effectiveFrom)}: {price(u.priceKopecks, u.priceIsFrom)}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.active ? (
              <details>
                <summary className="cursor-pointer text-brand-700">Изменить цену или снять с продажи</summary>
                <div className="mt-3 space-y-3">
                  <ChangePriceForm
                    action={changePriceAction}
                    serviceId={s.id}
                    title={s.title}
                    price={rubField(s.priceKopecks)}
                    priceIsFrom={s.priceIsFrom}
                    minDay={today}
                  />
                  <RetireServiceForm action={retireServiceAction} serviceId={s.id} title={s.title} />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      <section className="card space-y-3" aria-labelledby="svc-new">
        <h2 id="svc-new">Новая услуга</h2>
        <AddServiceForm action={addServiceAction} />
      </section>
      <p>
        <Link href="/admin/services">← Заявки</Link>
      </p>
    </div>
  );
}
