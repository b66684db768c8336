import { currentUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

// «Заказать» on the public price list: the order form of the cabinet the visitor is signed in to
// (a company user's, or the household one — which sends a guest to log in and back).
export async function GET(request: Request): Promise<Response> {
  const service = new URL(request.url).searchParams.get('service') ?? '';
  const code = /^[A-Za-z0-9-]{1,40}$/.test(service) ? service : '';
  const user = await currentUser().catch(() => null);
  const door = user?.role === 'company_user' ? '/lk' : '/fiz';
  return new Response(null, {
    status: 303,
    headers: {
      Location: `${door}/services/new${code ? `?service=${code}` : ''}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
