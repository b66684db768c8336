// The personal-data consent (152-ФЗ) a registrant accepts: which edition, and where to read it.
// Bump the version when the text in the document changes; users keep the edition they accepted.
export const CONSENT_VERSION = '2026-11';
export const CONSENT_DOCUMENT_PATH = '/documents/soglasie-na-obrabotku-pd';
