import { requestActRoute } from '@/lib/services/request-file-routes';

export const dynamic = 'force-dynamic';

export const GET = requestActRoute('company');
