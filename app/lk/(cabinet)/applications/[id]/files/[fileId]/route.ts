import { applicationDocumentRoute } from '@/lib/applications/file-routes';

export const dynamic = 'force-dynamic';
export const GET = applicationDocumentRoute({ kind: 'company', base: '/lk' });
