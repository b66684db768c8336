import { canUseDoor, currentUser } from '@/lib/auth/session';
import { currentStaffPeriod, readingsCsv } from '@/lib/readings/staff';
import { isPeriod } from '@/lib/readings/window';
import { clientIp } from '@/lib/http/client-ip';
import { audit } from '@/lib/security/audit';

// GET /admin/readings/export?period=YYYY-MM-01 → the period's readings as CSV for Excel.
// A route handler checks the session itself (the console layout does not run here) and answers
// 401 / 403 instead of redirecting, so a download link never loops through the login page.
// (currentUser is null for a staff session that has not passed the second factor.)
export async function GET(request: Request) {
  const user = await currentUser();
  const text = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (!user) return new Response('Войдите как сотрудник, чтобы выгрузить показания', { status: 401, headers: text });
  if (!canUseDoor(user, 'staff'))
    return new Response('Выгрузка показаний доступна только сотрудникам', { status: 403, headers: text });
  // A file of every household's address and readings leaves the portal: admins only, and audited.
  if (user.role !== 'admin')
    return new Response('Выгрузка показаний доступна только администратору', { status: 403, headers: text });

  const requested = new URL(request.url).searchParams.get('period');
  if (requested !== null && !isPeriod(requested)) {
    return new Response('Период указывается как ГГГГ-ММ-01, например 2026-11-01', { status: 400, headers: text });
  }
  const period = requested ?? (await currentStaffPeriod());
  const { filename, csv } = await readingsCsv(period);
  await audit({
    action: 'export.readings',
    actorUserId: user.id,
    subjectType: 'period',
    subjectId: period,
    ip: clientIp(request.headers),
    details: { filename, bytes: Buffer.byteLength(csv) },
  });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
