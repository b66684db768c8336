// The quick choices for an outage's expected end, in hours.

export const OUTAGE_ESTIMATE_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
