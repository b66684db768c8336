import Link from 'next/link';
import type { Route } from 'next';
import { Pagination } from '@/components/ui/pagination';
import { formatDateTime } from '@/lib/format/dates';
import { channelLabels, eventLabels } from '@/lib/notifications/catalog';
import type { CentreRow, DeliveryState } from '@/lib/notifications/centre';
import { ScrollRegion } from '@/components/ui/scroll-region';

// The notification centre's list, the same in the household and the company cabinet.

export function NotificationCentre({
  rows,
  total,
  page,
  pageCount,
  pageSize,
  pageHref,
  settingsHref,
  stateLabels,
}: {
  rows: CentreRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  pageHref: (page: number) => Route;
  /** Where the preferences are set. */
  settingsHref: Route;
  stateLabels: Record<DeliveryState, string>;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <>
      {rows.length === 0 ? (
        <p className="card">
          Уведомлений пока нет. <Link href={settingsHref}>Настроить уведомления</Link>
        </p>
      ) : (
        <ScrollRegion label="Уведомления" className="card p-0 sm:p-0">
          <table className="table-base" data-testid="notification-centre">
            <caption className="sr-only">{`Уведомления, новые сверху: ${first}–${last} из ${total}`}</caption>
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Канал</th>
                <th scope="col">О чём</th>
                <th scope="col">Куда</th>
                <th scope="col">Статус</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap">
                    <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
                  </td>
                  <td>{channelLabels[row.channel]}</td>
                  <td>
                    <span className="block text-sm text-slate-600">{eventLabels[row.event]}</span>
                    {row.subject}
                  </td>
                  <td className="whitespace-nowrap">{row.address}</td>
                  <td className="whitespace-nowrap">{stateLabels[row.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={page} pageCount={pageCount} href={pageHref} previous="← Новее" next="Старее →">
        Уведомления {first}–{last} из {total} · страница {page} из {pageCount}
      </Pagination>
    </>
  );
}
