import { auditCsv, parseAuditFilter } from '@/lib/console/audit-log';
import { clientIp } from '@/lib/http/client-ip';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';
import { audit } from '@/lib/security/audit';

// GET /admin/audit/export?person=&account=&kind=&from=&to= → the filtered audit log as CSV.
// Refusals are 401 / 403 rather than a redirect, so a download link never loops through the login
// page. The export is itself an audited event (who took which slice of the log).
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник, чтобы выгрузить журнал',
    forbidden: 'Журнал доступен только сотрудникам',
    notFound: 'Нет такой выгрузки',
  },
  async (request, user) => {
    const filter = parseAuditFilter(new URL(request.url));
    const { csv, rows } = await auditCsv(filter);
    await audit({
      action: 'audit.exported',
      actorUserId: user.id,
      subjectType: 'audit_log',
      ip: clientIp(request.headers),
      details: { filter: { ...filter }, rows },
    });
    const fileName = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
    return downloadResponse({ bytes: Buffer.from(csv), type: 'text/csv; charset=utf-8', fileName }, { download: true });
  },
);
