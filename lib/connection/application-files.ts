import 'server-only';
import { readStoredFile } from '@/lib/files/stored-files';
import { applicationFile, type Scope } from './applications';

// An application's file (a document uploaded, the offer, the ТУ or the act posted) for its route
// handlers: another applicant's or another company's file is null, the same as a missing one.
export async function readApplicationFile(applicationId: string, fileId: string, scope: Scope) {
  const linked = await applicationFile(applicationId, fileId, scope);
  return linked ? readStoredFile(linked.fileId, linked.purpose) : null;
}
