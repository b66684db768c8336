import { actRoute } from '@/lib/services/file-routes';

export const dynamic = 'force-dynamic';
export const GET = actRoute({ kind: 'company', base: '/lk' });
