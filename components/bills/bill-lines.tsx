import { isEstimatedLine, lineMethodLabel, lineZoneLabel } from '@/lib/bills/labels';
import type { BillLineGroup } from '@/lib/bills/queries';
import { formatPricePerKwh, formatRub } from '@/lib/format/money';

const wholeNumber = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** One meter's lines: zone, how the volume was obtained, kWh, price, amount; estimates highlighted. */
export function BillLinesTable({ group, billPeriod }: { group: BillLineGroup; billPeriod: string }) {
  const title = group.meter ? `Счётчик № ${group.meter.serialNumber}` : 'Прочие начисления';
  const captionId = `lines-${group.meter?.id ?? 'other'}`;
  return (
    <section aria-labelledby={captionId} data-testid="bill-line-group" data-serial={group.meter?.serialNumber ?? ''}>
      <div className="overflow-x-auto" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table-base whitespace-nowrap [overflow-wrap:normal]" data-testid="bill-lines">
          <caption id={captionId} className="mb-2 text-left font-semibold whitespace-normal text-slate-800">
            {title}
            {group.meter?.model ? <span className="font-normal text-slate-600"> · {group.meter.model}</span> : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">Зона</th>
              <th scope="col">Как определён объём</th>
              <th scope="col" className="num">
                Расход, кВт·ч
              </th>
              <th scope="col" className="num">
                Тариф
              </th>
              <th scope="col" className="num">
                Сумма
              </th>
            </tr>
          </thead>
          <tbody>
            {group.lines.map((line) => {
              const estimated = isEstimatedLine(line);
              return (
                <tr
                  key={line.id}
                  data-testid="bill-line"
                  data-kind={line.kind}
                  data-method={line.method ?? ''}
                  className={estimated ? 'bg-amber-50' : undefined}
                >
                  <td>{lineZoneLabel(line)}</td>
                  <td className={estimated ? 'font-medium text-amber-900' : undefined} title={line.description}>
                    {lineMethodLabel(line, billPeriod)}
                    {estimated ? (
                      <span className="block text-xs font-normal">нет показаний — расчётный объём</span>
                    ) : null}
                  </td>
                  <td className="num">{line.kwh === null ? '—' : wholeNumber.format(line.kwh)}</td>
                  <td className="num">{line.priceKopecks === null ? '—' : formatPricePerKwh(line.priceKopecks)}</td>
                  <td className="num">{formatRub(line.amountKopecks)}</td>
                </tr>
              );
            })}
          </tbody>
          {group.lines.length > 1 ? (
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" colSpan={2} className="bg-transparent">
                  Итого по счётчику
                </th>
                <td className="num">{wholeNumber.format(group.kwh)}</td>
                <td />
                <td className="num">{formatRub(group.amountKopecks)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
