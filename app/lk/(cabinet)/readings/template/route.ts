import { accessibleAccountIds } from '@/lib/auth/session';
import { userRoute } from '@/lib/http/route';
import { privateResponse } from '@/lib/http/private-response';
import { readingsTemplateCsv, readingsTemplateXlsx } from '@/lib/readings/bulk/template';
import { metersForReadings } from '@/lib/readings/cabinet';
import { currentReadingWindow } from '@/lib/readings/settings';

export const dynamic = 'force-dynamic';

// The readings file template, filled with the company's own meters and zones.
export const GET = userRoute(
  'company',
  {
    unauthenticated: { login: () => '/lk/readings' },
    forbidden: 'not-found',
    notFound: 'Шаблон не найден',
    capability: 'readings',
  },
  async (request, user) => {
    const format = new URL(request.url).searchParams.get('format');
    if (format !== 'csv' && format !== 'xlsx') return null;
    const window = await currentReadingWindow();
    const meterList = await metersForReadings(await accessibleAccountIds(user), window.period);
    const name = `pokazaniya-${window.period.slice(0, 7)}.${format}`;
    const disposition = `attachment; filename="${name}"`;
    if (format === 'csv') {
      return privateResponse(readingsTemplateCsv(meterList), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': disposition,
      });
    }
    const bytes = await readingsTemplateXlsx(meterList);
    return privateResponse(Buffer.from(bytes), {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': disposition,
    });
  },
);
