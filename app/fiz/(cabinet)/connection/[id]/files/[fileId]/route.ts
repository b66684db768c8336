import { connectionFileRoute } from '@/lib/connection/file-routes';

export const dynamic = 'force-dynamic';
export const GET = connectionFileRoute({ kind: 'household', base: '/fiz' });
