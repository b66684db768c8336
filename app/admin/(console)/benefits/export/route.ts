import { benefitsFile } from '@/lib/benefits/benefits-export';
import { parseSheetFormat, sheetResponse } from '@/lib/console/spreadsheet';
import { clientIp } from '@/lib/http/client-ip';
import { userRoute } from '@/lib/http/route';
import { audit } from '@/lib/security/audit';

// GET /admin/benefits/export?format=csv|xlsx → the beneficiaries list for the social protection
// office. Personal data: every download is an audited event.
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник, чтобы выгрузить список льготников',
    forbidden: 'Список льготников доступен только сотрудникам',
    notFound: 'Нет такой выгрузки',
  },
  async (request, user) => {
    const format = parseSheetFormat(new URL(request.url).searchParams.get('format'));
    const { file, rows } = await benefitsFile(format);
    await audit({
      action: 'benefits.exported',
      actorUserId: user.id,
      subjectType: 'benefits',
      ip: clientIp(request.headers),
      details: { format, rows },
    });
    return sheetResponse(file, `lgotniki-${new Date().toISOString().slice(0, 10)}`);
  },
);
