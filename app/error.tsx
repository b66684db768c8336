'use client';

// Shown instead of a raw error: the message says what to do, the digest lets staff find the log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
      <div className="card mx-auto max-w-xl text-center">
        <h1>Что-то пошло не так</h1>
        <p className="mt-3 text-slate-600">
          Мы не смогли показать эту страницу. Попробуйте ещё раз через минуту; если ошибка повторится, позвоните нам и
          назовите код ошибки.
        </p>
        {error.digest ? <p className="mt-2 font-mono text-sm text-slate-500">Код: {error.digest}</p> : null}
        <button
          type="button"
          onClick={reset}
          className="mt-6 rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          Повторить
        </button>
      </div>
    </main>
  );
}
