import { telHref } from '@/lib/format/phone';
import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';
import { getUtilityProfile, listContacts, socialLinks } from '@/lib/content/utility';

export const metadata: Metadata = { title: 'Контакты' };

export default async function ContactsPage() {
  const [profile, contacts] = await Promise.all([getUtilityProfile(), listContacts()]);
  const social = socialLinks();
  return (
    <div className="space-y-8">
      <PageTitle title="Контакты" lead={profile.fullName} />

      <section className="card border-l-4 border-l-danger-600">
        <h2>Аварийная служба — круглосуточно</h2>
        <a className="mt-2 block text-3xl font-bold text-danger-600" href={telHref(profile.emergencyPhone)}>
          {profile.emergencyPhone}
        </a>
        <p className="mt-1 text-slate-600">Нет электричества, искрит провод, повреждена опора — звоните сразу.</p>
      </section>

      <section aria-labelledby="departments-heading">
        <h2 id="departments-heading" className="mb-3">
          Отделы
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {contacts.map((c) => (
            <li key={c.id} className="card">
              <h3 className="font-semibold">{c.department}</h3>
              {c.phone ? (
                <p className="mt-1">
                  <a className="text-lg font-semibold" href={telHref(c.phone)}>
                    {c.phone}
                  </a>
                </p>
              ) : null}
              {c.email ? (
                <p>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </p>
              ) : null}
              {c.hours ? <p className="mt-1 text-sm text-slate-600">{c.hours}</p> : null}
              {c.note ? <p className="mt-1 text-sm text-slate-600">{c.note}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="card grid gap-4 sm:grid-cols-2">
        <div>
          <h2 className="text-base">Адрес</h2>
          <p className="mt-1">{profile.legalAddress}</p>
          {profile.workingHours ? <p className="mt-1 text-sm text-slate-600">{profile.workingHours}</p> : null}
        </div>
        <div>
          <h2 className="text-base">Приёмная и e-mail</h2>
          <p className="mt-1">
            <a href={telHref(profile.mainPhone)}>{profile.mainPhone}</a>
          </p>
          <p>
            <a href={`mailto:${profile.email}`}>{profile.email}</a>
          </p>
        </div>
      </section>

      {social.length > 0 ? (
        <section className="card" aria-labelledby="social-heading">
          <h2 id="social-heading" className="text-base">
            Мы в социальных сетях
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {social.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noopener" target="_blank">
                  {link.title}
                  <span className="sr-only"> (откроется в новой вкладке)</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card">
        <h2 className="text-base">Реквизиты</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">ИНН / КПП</dt>
          <dd>
            {profile.inn} / {profile.kpp}
          </dd>
          <dt className="text-slate-500">ОГРН</dt>
          <dd>{profile.ogrn}</dd>
          <dt className="text-slate-500">Банк</dt>
          <dd>{profile.bankName}</dd>
          <dt className="text-slate-500">БИК</dt>
          <dd>{profile.bik}</dd>
          <dt className="text-slate-500">Расчётный счёт</dt>
          <dd className="tabular-nums">{profile.settlementAccount}</dd>
          <dt className="text-slate-500">Корр. счёт</dt>
          <dd className="tabular-nums">{profile.correspondentAccount}</dd>
        </dl>
      </section>
    </div>
  );
}
