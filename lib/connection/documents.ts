// The documents a connection application carries, their names and size, for the form and the schema.

/** The documents of п. 10 of the Rules, each a PDF or a scan (JPEG, PNG), checked by its bytes. */
export const DOCUMENT_KINDS = [
  'application_scan',
  'identity',
  'site_plan',
  'title_deed',
  'power_of_attorney',
  'registry_extract',
  'other',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LABEL: Record<DocumentKind, string> = {
  application_scan: 'Скан подписанной заявки',
  identity: 'Документ, удостоверяющий личность',
  site_plan: 'План расположения энергопринимающих устройств',
  title_deed: 'Документ о праве собственности на объект или земельный участок',
  power_of_attorney: 'Доверенность представителя',
  registry_extract: 'Выписка из ЕГРЮЛ / ЕГРИП',
  other: 'Дополнительный документ',
};

export const CONNECTION_DOC_MAX_BYTES = 2 * 1024 * 1024;

export const docField = (kind: DocumentKind) => `doc_${kind}` as const;
