// The schema's enums as TypeScript unions, derived from the one definition in db/schema.ts: a label map
// or a switch written against them cannot miss or invent a value. Types only, so client components
// may import them.
import type * as schema from './schema';

type ValuesOf<E extends { enumValues: readonly string[] }> = E['enumValues'][number];

export type AccountKind = ValuesOf<typeof schema.accountKind>;
export type AccountStatus = ValuesOf<typeof schema.accountStatus>;
export type TariffCategory = ValuesOf<typeof schema.tariffCategory>;
export type TariffZone = ValuesOf<typeof schema.tariffZone>;
export type MeterStatus = ValuesOf<typeof schema.meterStatus>;
export type ReadingSource = ValuesOf<typeof schema.readingSource>;
export type VolumeMethod = ValuesOf<typeof schema.volumeMethod>;
export type BillingRunStatus = ValuesOf<typeof schema.billingRunStatus>;
export type BillLineKind = ValuesOf<typeof schema.billLineKind>;
export type LedgerKind = ValuesOf<typeof schema.ledgerKind>;
export type PaymentPurpose = ValuesOf<typeof schema.paymentPurpose>;
export type OutageKind = ValuesOf<typeof schema.outageKind>;
export type DocumentCategory = ValuesOf<typeof schema.documentCategory>;
export type DocumentAudience = ValuesOf<typeof schema.documentAudience>;
export type SessionDoor = ValuesOf<typeof schema.sessionDoor>;
export type AdjustmentStatus = ValuesOf<typeof schema.adjustmentStatus>;
export type PenaltyReliefKind = ValuesOf<typeof schema.penaltyReliefKind>;
export type DebtNoticeKind = ValuesOf<typeof schema.debtNoticeKind>;
export type AppealTopic = ValuesOf<typeof schema.appealTopic>;
export type AppealStatus = ValuesOf<typeof schema.appealStatus>;
export type NotificationEvent = ValuesOf<typeof schema.notificationEvent>;
export type NotificationChannel = ValuesOf<typeof schema.notificationChannel>;
