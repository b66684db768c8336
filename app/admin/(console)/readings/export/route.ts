import { userRoute } from '@/lib/http/route';
import { downloadResponse, refusal } from '@/lib/http/private-response';
import { currentStaffPeriod } from '@/lib/readings/overview';
import { readingsCsv } from '@/lib/readings/period-csv';
import { isBillingPeriod } from '@/lib/validation/calendar';
import { clientIp } from '@/lib/http/client-ip';
import { audit } from '@/lib/security/audit';

// GET /admin/readings/export?period=YYYY-MM-01 → the period's readings as CSV for Excel. Refusals
// are 401 / 403 rather than a redirect, so a download link never loops through the login page.
// (There is no user for a staff session that has not passed the second factor.)
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник, чтобы выгрузить показания',
    forbidden: 'Выгрузка показаний доступна только сотрудникам',
    notFound: 'Показаний за этот период нет',
    // A file of every household's address and readings leaves the portal: admins only, and audited.
    adminOnly: 'Выгрузка показаний доступна только администратору',
  },
  async (request, user) => {
    const requested = new URL(request.url).searchParams.get('period');
    if (requested !== null && !isBillingPeriod(requested)) {
      return refusal(400, 'Период указывается как ГГГГ-ММ-01, например 2026-11-01');
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
    const file = { bytes: Buffer.from(csv), type: 'text/csv; charset=utf-8', fileName: filename };
    return downloadResponse(file, { download: true });
  },
);
