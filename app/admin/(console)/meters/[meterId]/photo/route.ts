import { canUseDoor, currentUser } from '@/lib/auth/session';
import { meterPhoto } from '@/lib/meters/list';

// The nameplate photo of a meter request, for staff only. Served from here rather than inlined as a
// data: URL so the queue page stays light (a photo can be 2 MB, ×1.33 as base64, twice in the HTML
// and the RSC payload). The bytes were checked at upload and are checked again when decoded; the
// headers keep a browser from treating them as anything but an image.
export async function GET(_request: Request, ctx: RouteContext<'/admin/meters/[meterId]/photo'>) {
  const user = await currentUser();
  if (!user)
    return new Response('Войдите как сотрудник', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  if (!canUseDoor(user, 'staff'))
    return new Response('Доступ только для сотрудников', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const { meterId } = await ctx.params;
  const photo = await meterPhoto(meterId);
  if (!photo)
    return new Response('Фото не найдено', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(Buffer.from(photo.bytes), {
    headers: {
      'Content-Type': photo.type,
      'Content-Length': String(photo.bytes.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
    },
  });
}
