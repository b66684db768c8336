// How long before the charge the autopay notice goes out: hours, as the form offers them.

/** How long before the charge the notice goes out: hours, as the form offers them. */
export const AUTOPAY_NOTICE_OPTIONS = [
  { value: '1', label: 'за 1 час' },
  { value: '3', label: 'за 3 часа' },
  { value: '12', label: 'за 12 часов' },
  { value: '24', label: 'за 1 день' },
  { value: '48', label: 'за 2 дня' },
  { value: '72', label: 'за 3 дня' },
  { value: '120', label: 'за 5 дней' },
  { value: '240', label: 'за 10 дней' },
] as const;
