import { telHref } from '@/lib/format/phone';
import Link from 'next/link';
import type { UtilityProfile } from '@/db/schema';

export function SiteFooter({ profile }: { profile: UtilityProfile }) {
  const year = new Date().getUTCFullYear();
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white text-sm text-slate-600">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        <div>
          <p className="font-semibold text-slate-900">{profile.fullName}</p>
          <p className="mt-2">{profile.legalAddress}</p>
          <p className="mt-2">
            ИНН {profile.inn}, КПП {profile.kpp}
          </p>
        </div>
        <div>
          <p className="font-semibold text-slate-900">Связаться с нами</p>
          <p className="mt-2">
            Аварийная служба: <a href={telHref(profile.emergencyPhone)}>{profile.emergencyPhone}</a>
          </p>
          <p>
            Приёмная: <a href={telHref(profile.mainPhone)}>{profile.mainPhone}</a>
          </p>
          <p>
            E-mail: <a href={`mailto:${profile.email}`}>{profile.email}</a>
          </p>
        </div>
        <nav aria-label="Разделы сайта">
          <p className="font-semibold text-slate-900">Абонентам</p>
          <ul className="mt-2 space-y-1">
            <li>
              <Link href="/fiz/login">Личный кабинет физического лица</Link>
            </li>
            <li>
              <Link href="/lk/login">Личный кабинет юридического лица</Link>
            </li>
            <li>
              <Link href="/pay">Оплата по лицевому счёту</Link>
            </li>
            <li>
              <Link href="/documents">Документы и порядок возврата средств</Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="border-t border-slate-100 py-4 text-center text-xs text-slate-500">
        © {year} {profile.shortName}. Данные передаются по защищённому соединению.
      </p>
    </footer>
  );
}
