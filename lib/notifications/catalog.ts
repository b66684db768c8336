// The events a subscriber can be told about and the channels, with their words and defaults. No
// `server-only`: the preferences form renders the same table the server reads back.
import type { NotificationChannel, NotificationEvent } from '@/db/enums';

export const NOTIFICATION_EVENTS = [
  'bill_issued',
  'payment_credited',
  'readings_window_opens',
  'readings_window_closes',
  'month_estimated',
  'debt_notice',
  'outage',
  'service_request_changed',
  'autopay',
  'news',
] as const satisfies readonly NotificationEvent[];

/** The channels a subscriber can switch on: push reaches the installed app's subscriptions (VAPID). */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'push'] as const satisfies readonly NotificationChannel[];

export const eventLabels: Record<NotificationEvent, string> = {
  bill_issued: 'Выставлен счёт',
  payment_credited: 'Платёж зачислен',
  readings_window_opens: 'Открылся приём показаний',
  readings_window_closes: 'Приём показаний скоро закончится',
  month_estimated: 'Месяц начислен без показаний (по среднему)',
  debt_notice: 'Уведомление о задолженности',
  outage: 'Отключение по моему адресу',
  service_request_changed: 'Изменилась заявка на услугу',
  autopay: 'Автоплатёж: предстоящее и неудавшееся списание',
  news: 'Новости',
  inbound_reply: 'Ответ на ваше сообщение',
};

export const channelLabels: Record<NotificationChannel, string> = {
  email: 'Эл. почта',
  sms: 'СМС',
  push: 'Push',
};

/**
 * E-mail switches that existed before the table (a column on users, read by the senders of those
 * letters): the form keeps their field names, and the column stays their one source.
 */
export const LEGACY_EMAIL_FIELDS = {
  bill_issued: 'notifyNewBill',
  payment_credited: 'notifyPaymentReceived',
  readings_window_closes: 'notifyReadingReminders',
  outage: 'notifyOutages',
  service_request_changed: 'notifyServiceRequests',
  news: 'newsSubscription',
} as const satisfies Partial<Record<NotificationEvent, string>>;

export type LegacyEmailField = (typeof LEGACY_EMAIL_FIELDS)[keyof typeof LEGACY_EMAIL_FIELDS];

/** E-mail for everything but news; SMS and push only when asked for (they cost or interrupt). */
export function defaultEnabled(event: NotificationEvent, channel: NotificationChannel): boolean {
  return channel === 'email' && event !== 'news';
}

/** The form field of one cell: the legacy column's name, or «sms_outage». */
export function preferenceField(event: NotificationEvent, channel: NotificationChannel): string {
  if (channel === 'email' && event in LEGACY_EMAIL_FIELDS) {
    return LEGACY_EMAIL_FIELDS[event as keyof typeof LEGACY_EMAIL_FIELDS];
  }
  return `${channel}_${event}`;
}

/** Every cell that lives in notification_preferences (not in a legacy column). */
export const TABLE_CELLS: readonly { event: NotificationEvent; channel: NotificationChannel; field: string }[] =
  NOTIFICATION_EVENTS.flatMap((event) =>
    NOTIFICATION_CHANNELS.filter((channel) => !(channel === 'email' && event in LEGACY_EMAIL_FIELDS)).map(
      (channel) => ({ event, channel, field: preferenceField(event, channel) }),
    ),
  );
