import 'server-only';

/**
 * COMPANY_VAT_RATE_PERCENT: the VAT rate printed on companies' invoices and счета-фактуры, whole
 * percent. Default 22: the general rate of НК РФ ст. 164 п. 3 from 1 January 2026 (Federal Law of
 * 28.11.2025 № 425-ФЗ). The tariff amounts already include the tax; the documents show its share.
 */
export function companyVatRatePercent(): number {
  const raw = process.env.COMPANY_VAT_RATE_PERCENT;
  if (raw === undefined || raw.trim() === '') return 22;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 30) {
    throw new Error(`COMPANY_VAT_RATE_PERCENT must be a whole percent from 0 to 30, got «${raw}»`);
  }
  return value;
}
