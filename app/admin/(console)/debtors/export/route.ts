import { parseDebtorFilter } from '@/lib/debtors/debtor-filter';
import { debtorsFile } from '@/lib/debtors/debtors-export';
import { parseSheetFormat, sheetResponse } from '@/lib/console/spreadsheet';
import { clientIp } from '@/lib/http/client-ip';
import { userRoute } from '@/lib/http/route';
import { audit } from '@/lib/security/audit';

// GET /admin/debtors/export?format=csv|xlsx&min=&days=&settlement= → the filtered debtors list.
// Names with debts are for internal use only (152-ФЗ): every download is an audited event.
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник, чтобы выгрузить список должников',
    forbidden: 'Список должников доступен только сотрудникам',
    notFound: 'Нет такой выгрузки',
  },
  async (request, user) => {
    const url = new URL(request.url);
    const filter = parseDebtorFilter(url);
    const format = parseSheetFormat(url.searchParams.get('format'));
    const { file, rows } = await debtorsFile(filter, format);
    await audit({
      action: 'debtors.exported',
      actorUserId: user.id,
      subjectType: 'debtors',
      ip: clientIp(request.headers),
      details: { filter: { ...filter }, format, rows },
    });
    return sheetResponse(file, `dolzhniki-${new Date().toISOString().slice(0, 10)}`);
  },
);
