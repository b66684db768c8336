import { appealFileRoute } from '@/lib/support/appeal-file-route';

export const dynamic = 'force-dynamic';

// A file of the company’s appeal thread (lib/support/appeal-file-route.ts).
export const GET = appealFileRoute('company');
