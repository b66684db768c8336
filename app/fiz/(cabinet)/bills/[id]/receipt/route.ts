// The PDF receipt of one bill. A route handler is not under the layout's frame, so it checks the
// session itself: no session → the login page (and back here after it); any other user, another
// door's user, an unknown or malformed id → the same plain 404, so nobody learns which bills exist.
import { canUseDoor, currentUser } from '@/lib/auth/session';
import { billDetail } from '@/lib/bills/queries';
import { isUuid } from '@/lib/validation/ids';
import { receiptFileName, renderReceiptPdf } from '@/lib/bills/receipt-pdf';

export const dynamic = 'force-dynamic';

function notFound(): Response {
  return new Response('Квитанция не найдена', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

export async function GET(_request: Request, { params }: RouteContext<'/fiz/bills/[id]/receipt'>): Promise<Response> {
  const { id } = await params;
  const user = await currentUser();
  if (!user) {
    // Relative Location: correct behind any proxy. Only a well-formed id goes into the way back.
    const next = isUuid(id) ? `/fiz/bills/${id}/receipt` : '/fiz/bills';
    return new Response(null, {
      status: 307,
      headers: { Location: `/fiz/login?next=${encodeURIComponent(next)}`, 'Cache-Control': 'no-store' },
    });
  }
  // A signed-in user of another door gets a 404, not the login page (which would send them back here).
  if (!canUseDoor(user, 'household')) return notFound();
  const detail = await billDetail(user, id);
  if (!detail) return notFound();

  const pdf = await renderReceiptPdf(detail);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${receiptFileName(detail.bill.receiptNumber)}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
