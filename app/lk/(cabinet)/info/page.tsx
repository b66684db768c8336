import type { Metadata } from 'next';
import { ScrollRegion } from '@/components/ui/scroll-region';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { requireCompanyPage } from '@/lib/company/access';
import { companyInfo } from '@/lib/company/info';
import { documentCategoryLabels } from '@/lib/content/documents';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { categoryLabels, zonePlanLabels, zoneShortLabels } from '@/lib/tariffs/zones';

export const metadata: Metadata = { title: 'Информация для юридических лиц' };

function range(from: number, to: number | null): string {
  if (from === 0 && to === null) return '';
  return to === null ? `, свыше ${from} кВт·ч/мес` : `, ${from}–${to} кВт·ч/мес`;
}

export default async function CompanyInfoPage() {
  const { member } = await requireCompanyPage('overview', '/lk/info');
  const { documents, tariffs, outages, readingWindow } = await companyInfo(member);
  const categories = [...new Set(documents.map((d) => d.category))];
  return (
    <>
      <PageTitle
        title="Информация для юридических лиц"
        lead="Нормативные документы, тарифы ваших точек поставки, отключения по адресам организации и порядок передачи показаний."
      />
      <nav aria-label="Разделы страницы" className="mb-6 flex flex-wrap gap-3 text-sm">
        <a href="#outages">Отключения</a>
        <a href="#tariffs">Тарифы</a>
        <a href="#readings-rules">Передача показаний</a>
        <a href="#documents">Документы</a>
      </nav>

      <section id="outages" className="card mb-6" aria-labelledby="outages-heading" data-testid="company-outages">
        <h2 id="outages-heading" className="mb-3">
          Отключения по адресам организации
        </h2>
        {outages.length === 0 ? (
          <p className="text-sm">
            По адресам ваших точек поставки отключений сейчас нет и не запланировано. Все отключения —{' '}
            <Link href="/outages">на странице отключений</Link>.
          </p>
        ) : (
          <ul className="space-y-3">
            {outages.map(({ outage, accountNumbers }) => (
              <li key={outage.id} className="border-l-4 border-amber-400 pl-3" data-testid="company-outage">
                <p className="font-medium">
                  {outage.kind === 'emergency' ? 'Аварийное отключение' : 'Плановое отключение'}: {outage.settlement},{' '}
                  {outage.streets}
                </p>
                <p className="text-sm">
                  {formatDateTime(outage.startsAt)}
                  {outage.endsAt ? ` — ${formatDateTime(outage.endsAt)}` : ', окончание уточняется'}. {outage.reason}
                </p>
                <p className="text-sm text-slate-600">Лицевые счета: {accountNumbers.join(', ')}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="tariffs" className="card mb-6" aria-labelledby="tariffs-heading">
        <h2 id="tariffs-heading" className="mb-3">
          Тарифы ваших точек поставки
        </h2>
        {tariffs && tariffs.lines.length > 0 ? (
          <>
            <p className="mb-3 text-sm text-slate-600">
              Действуют с {formatDate(tariffs.effectiveFrom)}
              {tariffs.decree ? `; основание: ${tariffs.decree}` : ''}. Цена за 1 кВт·ч; НДС {tariffs.vatRatePercent}%
              выделяется в счёте-фактуре.
            </p>
            <ScrollRegion label="Тарифы по лицевым счетам" className="">
              <table className="table-base" data-testid="company-tariffs">
                <thead>
                  <tr>
                    <th scope="col">Категория и тариф</th>
                    <th scope="col">Зона суток</th>
                    <th scope="col" className="num">
                      С НДС
                    </th>
                    <th scope="col" className="num">
                      Без НДС
                    </th>
                    <th scope="col">Лицевые счета</th>
                  </tr>
                </thead>
                <tbody>
                  {tariffs.lines.map((line) => (
                    <tr key={`${line.category}-${line.zonePlan}-${line.zone}-${line.rangeFromKwh}`}>
                      <td>
                        {categoryLabels[line.category]}, {zonePlanLabels[line.zonePlan].toLowerCase()}
                      </td>
                      <td>
                        {zoneShortLabels[line.zone]}
                        {range(line.rangeFromKwh, line.rangeToKwh)}
                      </td>
                      <td className="num font-semibold">{formatRub(line.price.grossKopecks)}</td>
                      <td className="num">{formatRub(line.price.netKopecks)}</td>
                      <td className="tabular-nums">{line.accountNumbers.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        ) : (
          <p className="text-sm">
            Для ваших точек поставки тариф не определён. Все тарифы — <Link href="/tariffs">на странице тарифов</Link>.
          </p>
        )}
      </section>

      <section id="readings-rules" className="card mb-6" aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="mb-3">
          Как передавать показания
        </h2>
        <ul className="list-disc space-y-2 pl-5 text-sm" data-testid="readings-rules">
          <li>
            Показания принимаются с {readingWindow.opensOn.slice(8)}-го по {readingWindow.closesOn.slice(8)}-е число
            месяца; сейчас — за {formatPeriod(readingWindow.period)}
            {readingWindow.open ? ', приём открыт' : `, приём с ${formatDate(readingWindow.opensOn)}`}.
          </li>
          <li>По каждой зоне прибора учёта — целое число кВт·ч, без дробной части.</li>
          <li>
            Показание не может быть меньше предыдущего. Если прибор заменён или обнулился, сообщите куратору договора.
          </li>
          <li>
            Расход, намного превышающий обычный для точки, нужно подтвердить: мы переспросим, чтобы не выставить счёт по
            опечатке.
          </li>
          <li>
            Без показаний за месяц объём начисляется по среднему расходу, затем — по нормативу; после передачи показаний
            делается перерасчёт.
          </li>
          <li>
            Передаёт показания владелец кабинета или энергетик — в разделе <Link href="/lk/readings">«Показания»</Link>.
          </li>
        </ul>
      </section>

      <section id="documents" className="card" aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="mb-3">
          Документы для юридических лиц
        </h2>
        {documents.length === 0 ? (
          <p className="text-sm">Документы пока не опубликованы.</p>
        ) : (
          categories.map((category) => (
            <div key={category} className="mb-4 last:mb-0">
              <h3 className="mb-2 font-semibold">{documentCategoryLabels[category]}</h3>
              <ul className="space-y-1 text-sm" data-testid="company-documents">
                {documents
                  .filter((d) => d.category === category)
                  .map((d) => (
                    <li key={d.id}>
                      <Link href={`/documents/${d.slug}`}>{d.title}</Link>
                    </li>
                  ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </>
  );
}
