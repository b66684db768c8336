import { isPortalSetUp } from '@/lib/setup/state';

// Where every page sends a visitor while the portal has no utility profile or admin yet: a plain
// 503 page (no layout, no database reads beyond the check), so an empty database is never a 500.
const PAGE = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Портал ещё не настроен — Энергокабинет</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#0f172a;line-height:1.5}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem}</style>
</head><body>
<h1>Портал ещё не настроен</h1>
<p>Личный кабинет пока не открыт: в базе данных нет профиля организации и администратора.</p>
<p>Администратору сервера: выполните <code>npm run setup</code> (см. раздел «Первый запуск» в README) и обновите страницу.</p>
</body></html>`;

/** Where to send the visitor back to: a path of this site only. */
function backTo(request: Request): string {
  const from = new URL(request.url).searchParams.get('from') ?? '/';
  return from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\') ? from : '/';
}

export async function GET(request: Request): Promise<Response> {
  let setUp = false;
  try {
    setUp = await isPortalSetUp();
  } catch {
    // The database itself is away: still a clear 503, not a 500.
  }
  if (setUp)
    return new Response(null, { status: 303, headers: { Location: backTo(request), 'Cache-Control': 'no-store' } });
  return new Response(PAGE, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60', 'Cache-Control': 'no-store' },
  });
}
