import 'server-only';
import { env } from './env';

/**
 * COMPANY_VAT_RATE_PERCENT: the VAT rate printed on companies' invoices and счета-фактуры, whole
 * percent. Default 22: the general rate of НК РФ ст. 164 п. 3 from 1 January 2026 (Federal Law of
 * 28.11.2025 № 425-ФЗ). The tariff amounts already include the tax; the documents show its share.
 */
export function companyVatRatePercent(): number {
  return env().COMPANY_VAT_RATE_PERCENT;
}
