import Link from 'next/link';

// The «page not found» card: the root boundary draws it alone, each section's boundary inside the
// section's header and footer.
export function NotFoundMessage() {
  return (
    <div className="card mx-auto max-w-xl text-center">
      <p className="text-5xl font-bold text-brand-600">404</p>
      <h1 className="mt-2">Страница не найдена</h1>
      <p className="mt-3 text-slate-600">
        Возможно, ссылка устарела или в адресе опечатка. Начните с главной страницы или найдите нужное в меню.
      </p>
      <p className="mt-6 flex flex-wrap justify-center gap-3">
        <Link className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:no-underline" href="/">
          На главную
        </Link>
        <Link
          className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:no-underline"
          href="/contacts"
        >
          Контакты
        </Link>
      </p>
    </div>
  );
}
