import type { Metadata } from 'next';
import { KeepWhole } from '@/components/ui/keep-whole';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { formatRub } from '@/lib/format/money';
import { listServiceGroups } from '@/lib/content/services';

export const metadata: Metadata = { title: 'Платные услуги' };

export default async function ServicesPage() {
  const groups = await listServiceGroups();
  return (
    <div className="space-y-8">
      <PageTitle
        title="Платные услуги"
        lead={
          <>
            Электромонтажные работы, восстановление электрощитов, установка и замена приборов учёта. Заявку можно подать
            в <Link href="/fiz/services">кабинете абонента</Link> или в{' '}
            <Link href="/lk/services">кабинете организации</Link>; цены указаны с НДС. Цена «от …» уточняется мастером и
            согласуется с вами до оплаты.
          </>
        }
      />
      {groups.map((group) => (
        <section
          key={group.category}
          aria-labelledby={`svc-${group.category}`}
          className="card relative overflow-x-auto"
        >
          <h2 id={`svc-${group.category}`} className="mb-3">
            {group.category}
          </h2>
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">Услуга</th>
                <th scope="col">Единица</th>
                <th scope="col" className="num">
                  Цена
                </th>
                <th scope="col">
                  <span className="sr-only">Заказ</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <span className="font-medium">{item.title}</span>
                    {item.description ? (
                      <span className="mt-0.5 block text-slate-500">
                        <KeepWhole text={item.description} />
                      </span>
                    ) : null}
                  </td>
                  <td>{item.unit}</td>
                  <td className="num font-semibold">
                    {item.priceIsFrom ? 'от ' : ''}
                    {formatRub(item.priceKopecks)}
                  </td>
                  <td>
                    <a
                      href={`/services/order?service=${encodeURIComponent(item.code)}`}
                      aria-label={`Заказать: ${item.title}`}
                      className="font-semibold whitespace-nowrap"
                    >
                      Заказать
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
