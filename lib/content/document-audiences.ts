// Who a published document is for, as the form offers it and the schema accepts it.

export const documentAudiences = ['households', 'companies', 'both'] as const;

export const documentAudienceLabels: Record<(typeof documentAudiences)[number], string> = {
  households: 'Физическим лицам',
  companies: 'Юридическим лицам',
  both: 'Всем абонентам',
};
