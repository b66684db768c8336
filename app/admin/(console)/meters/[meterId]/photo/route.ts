import { userRoute } from '@/lib/http/route';
import { privateResponse } from '@/lib/http/private-response';
import { meterPhoto } from '@/lib/meters/list';

// The nameplate photo of a meter request, for staff only. Served from here rather than inlined as a
// data: URL so the queue page stays light (a photo can be 2 MB, ×1.33 as base64, twice in the HTML
// and the RSC payload). The bytes were checked at upload and are checked again when decoded; the
// headers keep a browser from treating them as anything but an image.
export const GET = userRoute(
  'staff',
  {
    unauthenticated: 'Войдите как сотрудник',
    forbidden: 'Доступ только для сотрудников',
    notFound: 'Фото не найдено',
  },
  async (_request, _user, { params }: RouteContext<'/admin/meters/[meterId]/photo'>) => {
    const photo = await meterPhoto((await params).meterId);
    if (!photo) return null;
    return privateResponse(Buffer.from(photo.bytes), {
      'Content-Type': photo.type,
      'Content-Length': String(photo.bytes.length),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
    });
  },
);
