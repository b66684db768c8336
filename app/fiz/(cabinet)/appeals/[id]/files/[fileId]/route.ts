import { appealFileRoute } from '@/lib/support/appeal-file-route';

export const dynamic = 'force-dynamic';

// A file of the subscriber’s own appeal thread (lib/support/appeal-file-route.ts).
export const GET = appealFileRoute('household');
