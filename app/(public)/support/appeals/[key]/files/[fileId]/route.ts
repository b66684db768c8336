import { guestAppealFileRoute } from '@/lib/support/appeal-file-route';

export const dynamic = 'force-dynamic';

// A file of a guest's appeal thread — staff's attachments to an answer — opened by the letter's signed link.
export const GET = guestAppealFileRoute();
