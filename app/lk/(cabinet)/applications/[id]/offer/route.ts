import { applicationOfferRoute } from '@/lib/applications/file-routes';

export const dynamic = 'force-dynamic';
export const GET = applicationOfferRoute({ kind: 'company', base: '/lk' });
