// The connection fee (плата за технологическое присоединение) for the applicant's category. Pure.
//
// ПП № 1178 (in force 1 July 2022, п. 17 of the Rules): a citizen connecting a household load of up
// to 15 kW in total (previously connected power included, 3rd reliability category, one source)
// pays a preferential rate per kW set by the regional regulator within a floor and a ceiling; every
// other applicant up to 150 kW pays the standardised rate per kW. Both are rows of
// `connection_rates` with an effective date, kept by staff. The fee is for the new power only.

export const RATE_CATEGORIES = ['household_preferential', 'standard'] as const;
export type RateCategory = (typeof RATE_CATEGORIES)[number];

export const RATE_CATEGORY_LABEL: Record<RateCategory, string> = {
  household_preferential: 'Льготная ставка: гражданин, бытовые нужды, до 15 кВт включительно',
  standard: 'Стандартизированная ставка: прочие заявители до 150 кВт',
};

/** The household ceiling of the preferential rate, watts (previously connected power included). */
const PREFERENTIAL_MAX_W = 15_000;

export interface FeeInput {
  applicantKind: 'person' | 'business';
  maxPowerW: number;
  existingPowerW: number;
  reliabilityCategory: number;
}

export function rateCategoryOf(input: FeeInput): RateCategory {
  return input.applicantKind === 'person' && input.maxPowerW <= PREFERENTIAL_MAX_W && input.reliabilityCategory === 3
    ? 'household_preferential'
    : 'standard';
}

export interface Fee {
  category: RateCategory;
  kopecksPerKw: number;
  newPowerW: number;
  kopecks: number;
}

/** The fee: new power (kW) × the category's rate, rounded to the kopeck. */
export function connectionFee(input: FeeInput, rates: Record<RateCategory, number | null>): Fee | null {
  const category = rateCategoryOf(input);
  const rate = rates[category];
  const newPowerW = input.maxPowerW - input.existingPowerW;
  if (rate === null || newPowerW <= 0) return null;
  return { category, kopecksPerKw: rate, newPowerW, kopecks: Math.max(1, Math.round((newPowerW * rate) / 1000)) };
}

/** 15000 → «15», 7500 → «7,5». */
export function formatKw(watts: number): string {
  return `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 }).format(watts / 1000)}\u00a0кВт`;
}
