import { canUseDoor, currentUser } from '@/lib/auth/session';
import { auditCsv, parseAuditFilter } from '@/lib/console/audit-log';
import { audit } from '@/lib/security/audit';
import { clientIp } from '@/lib/http/client-ip';

// GET /admin/audit/export?person=&account=&kind=&from=&to= → the filtered audit log as CSV.
// The handler checks the session itself and answers 401/403 rather than redirecting a download.
// The export is itself an audited event (who took which slice of the log).
export async function GET(request: Request) {
  const user = await currentUser();
  const text = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (!user) return new Response('Войдите как сотрудник, чтобы выгрузить журнал', { status: 401, headers: text });
  if (!canUseDoor(user, 'staff'))
    return new Response('Журнал доступен только сотрудникам', { status: 403, headers: text });
  const url = new URL(request.url);
  const filter = parseAuditFilter(Object.fromEntries(url.searchParams));
  const { csv, rows } = await auditCsv(filter);
  await audit({
    action: 'audit.exported',
    actorUserId: user.id,
    subjectType: 'audit_log',
    ip: clientIp(request.headers),
    details: { filter: { ...filter }, rows },
  });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
