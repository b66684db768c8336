// When the customer would like the electrician to come, as the order form offers it.

export const PREFERRED_WINDOWS = ['any', 'morning', 'afternoon'] as const;

export type PreferredWindow = (typeof PREFERRED_WINDOWS)[number];

export const PREFERRED_WINDOW_LABEL: Record<PreferredWindow, string> = {
  any: 'В любое время (9:00–18:00)',
  morning: 'Утром (9:00–13:00)',
  afternoon: 'Днём (13:00–18:00)',
};
