import { accessibleAccountIds } from '@/lib/auth/session';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';
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
    const fileName = `pokazaniya-${window.period.slice(0, 7)}.${format}`;
    const file =
      format === 'csv'
        ? { bytes: Buffer.from(readingsTemplateCsv(meterList)), type: 'text/csv; charset=utf-8', fileName }
        : {
            bytes: await readingsTemplateXlsx(meterList),
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            fileName,
          };
    return downloadResponse(file, { download: true });
  },
);
