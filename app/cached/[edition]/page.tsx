import { telHref } from '@/lib/format/phone';
import Link from 'next/link';
import { OutageCard } from '@/components/outage-card';
import { formatLongDate } from '@/lib/format/dates';
import { listNews } from '@/lib/content/news';
import { isOngoing, listOutagesForHome } from '@/lib/content/outages';
import { getUtilityProfile } from '@/lib/content/utility';

// The home page shows the current outages: refreshed every minute besides each staff write.
export const revalidate = 60;

export default async function HomePage() {
  const now = new Date();
  const [profile, outages, { items: latestNews }] = await Promise.all([
    getUtilityProfile(),
    listOutagesForHome(now),
    listNews({ now, pageSize: 3 }),
  ]);

  return (
    <div className="space-y-10">
      <section className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div>
          <h1>Электроэнергия без очередей</h1>
          <p className="mt-3 max-w-2xl text-lg text-slate-600">
            Передавайте показания, оплачивайте счета картой и следите за отключениями — в личном кабинете{' '}
            {profile.shortName}.
          </p>
          <div className="mt-6 grid gap-3 sm:grid-cols-2">
            <EntryLink
              href="/fiz/login"
              title="Личный кабинет — физическим лицам"
              text="Вход по номеру абонента и паролю"
              primary
            />
            <EntryLink
              href="/lk/login"
              title="Личный кабинет — юридическим лицам"
              text="Договоры, счета и показания организации"
            />
            <EntryLink href="/pay" title="Оплатить без регистрации" text="По номеру лицевого счёта, картой" />
            <EntryLink
              href="/fiz/register"
              title="Регистрация"
              text="Номер абонента указан в договоре энергоснабжения"
            />
          </div>
        </div>
        <aside className="card space-y-4 bg-brand-50">
          <div>
            <h2 className="text-base">Аварийная служба</h2>
            <a className="mt-1 block text-3xl font-bold text-danger-600" href={telHref(profile.emergencyPhone)}>
              {profile.emergencyPhone}
            </a>
            <p className="text-sm text-slate-600">
              Круглосуточно, если пропало электричество или вы видите обрыв провода.
            </p>
          </div>
          <div>
            <h2 className="text-base">Показания счётчиков</h2>
            <p className="mt-1 text-sm text-slate-700">
              Принимаются с {profile.readingWindowStartDay} по {profile.readingWindowEndDay} число каждого месяца,
              целыми числами без дробной части. Без показаний объём считается расчётным методом — обычно это дороже.
            </p>
          </div>
        </aside>
      </section>

      <section aria-labelledby="outages-heading">
        <div className="mb-4 flex items-baseline justify-between gap-4">
          <h2 id="outages-heading">Отключения электроэнергии</h2>
          <Link href="/outages">Все отключения</Link>
        </div>
        {outages.length === 0 ? (
          <p className="card text-slate-600">Сейчас отключений нет и на ближайшие две недели не запланировано.</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {outages.map((outage) => (
              <OutageCard key={outage.id} outage={outage} ongoing={isOngoing(outage, now)} />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="news-heading">
        <div className="mb-4 flex items-baseline justify-between gap-4">
          <h2 id="news-heading">Новости</h2>
          <Link href="/news">Все новости</Link>
        </div>
        <div className="grid gap-4 md:grid-cols-3">
          {latestNews.map((item) => (
            <article key={item.id} className="card">
              <p className="text-sm text-slate-500">{item.publishedAt ? formatLongDate(item.publishedAt) : ''}</p>
              <h3 className="mt-1 font-semibold">
                <Link href={`/news/${item.slug}`}>{item.title}</Link>
              </h3>
              <p className="mt-2 text-sm text-slate-600">{item.summary}</p>
            </article>
          ))}
        </div>
      </section>
    </div>
  );
}

function EntryLink({ href, title, text, primary }: { href: string; title: string; text: string; primary?: boolean }) {
  return (
    <Link
      href={href}
      className={`block rounded-xl border p-4 hover:no-underline ${
        primary
          ? 'border-brand-600 bg-brand-600 text-white hover:bg-brand-700'
          : 'border-slate-200 bg-white text-slate-900 hover:border-brand-500'
      }`}
    >
      <span className="block font-semibold">{title}</span>
      <span className={`mt-1 block text-sm ${primary ? 'text-white/85' : 'text-slate-600'}`}>{text}</span>
    </Link>
  );
}
