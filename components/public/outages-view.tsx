import { telHref } from '@/lib/format/phone';
import { OutageCard } from '@/components/outage-card';
import { PageTitle } from '@/components/page-title';
import { isOngoing, listCurrentOutages, listRecentPastOutages, type OutageKindFilter } from '@/lib/content/outages';
import { getUtilityProfile } from '@/lib/content/utility';

export function parseKind(value: string | string[] | undefined): OutageKindFilter {
  return value === 'planned' || value === 'emergency' ? value : undefined;
}

export function parsePlace(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim().slice(0, 100) || undefined : undefined;
}

/** Current, upcoming and recent outages, optionally filtered; unfiltered it is the route-cached `/outages`. */
export async function OutagesView({ place, kind }: { place?: string; kind?: OutageKindFilter }) {
  const now = new Date();
  const [profile, current, past] = await Promise.all([
    getUtilityProfile(),
    listCurrentOutages({ place, kind, now }),
    listRecentPastOutages({ place, kind, now, days: 30 }),
  ]);
  const filtered = Boolean(place || kind);

  return (
    <div className="space-y-8">
      <PageTitle
        title="Отключения электроэнергии"
        lead={
          <>
            Плановые работы и аварийные отключения. Если электричества нет, а вашего адреса в списке нет, позвоните в
            аварийную службу: <a href={telHref(profile.emergencyPhone)}>{profile.emergencyPhone}</a>.
          </>
        }
      />

      <form method="get" className="card grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" role="search">
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Населённый пункт или улица</span>
          <input
            name="place"
            defaultValue={place ?? ''}
            maxLength={100}
            placeholder="Например, Истра или Советская"
            className="w-full rounded-lg border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Вид</span>
          <select name="kind" defaultValue={kind ?? ''} className="w-full rounded-lg border border-slate-300 px-3 py-2">
            <option value="">Все</option>
            <option value="planned">Плановые</option>
            <option value="emergency">Аварийные</option>
          </select>
        </label>
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Найти
        </button>
      </form>

      <section aria-labelledby="current-heading">
        <h2 id="current-heading" className="mb-4">
          Сейчас и в ближайшие дни
        </h2>
        {current.length === 0 ? (
          <p className="card text-slate-600">
            {filtered
              ? 'По вашему запросу текущих и предстоящих отключений не найдено.'
              : 'Текущих и запланированных отключений нет.'}
          </p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {current.map((o) => (
              <OutageCard key={o.id} outage={o} ongoing={isOngoing(o, now)} />
            ))}
          </div>
        )}
      </section>

      {past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="mb-4">
            Завершённые за последние 30 дней
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {past.map((o) => (
              <OutageCard key={o.id} outage={o} ongoing={false} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
