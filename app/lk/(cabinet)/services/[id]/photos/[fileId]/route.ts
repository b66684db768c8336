import { photoRoute } from '@/lib/services/file-routes';

export const dynamic = 'force-dynamic';
export const GET = photoRoute({ kind: 'company', base: '/lk' });
