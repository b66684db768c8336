import 'server-only';
import { readStoredFile } from '@/lib/files/stored-files';
import {
  APPLICATION_FILE_PURPOSE,
  APPLICATION_OFFER_PURPOSE,
  applicationDetail,
  applicationFileId,
} from './applications';

// The files of an application (its documents, the contract offer) for its route handlers. The
// company is the signed-in member's (null: staff, any company); another company's application or
// file is null, the same as a missing one.

export async function applicationDocumentFile(applicationId: string, linkId: string, companyId: string | null) {
  const fileId = await applicationFileId(applicationId, linkId, companyId);
  return fileId ? readStoredFile(fileId, APPLICATION_FILE_PURPOSE) : null;
}

export async function applicationOfferFile(applicationId: string, companyId: string | null) {
  const detail = await applicationDetail(applicationId, companyId);
  const offerFileId = detail?.application.offerFileId;
  return offerFileId ? readStoredFile(offerFileId, APPLICATION_OFFER_PURPOSE) : null;
}
