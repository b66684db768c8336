import { appealFileRoute } from '@/lib/support/appeal-file-route';

export const dynamic = 'force-dynamic';

// A file of an appeal's thread, for staff (a guest's appeal only once its e-mail is confirmed).
export const GET = appealFileRoute('staff');
