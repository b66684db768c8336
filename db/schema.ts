// The whole domain of DESIGN.md in one schema. Money is integer kopecks (bigint),
// timestamps are UTC (`timestamptz`), billing periods are the first day of a month (`date`).
import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  customType,
  bigserial,
  boolean,
  check,
  date,
  index,
  inet,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FiscalReceipt } from '../lib/payments/gateway/types';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const kopecks = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

// ─── Enums ──────────────────────────────────────────────────────────────────

export const userRole = pgEnum('user_role', ['subscriber', 'company_user', 'operator', 'admin']);
export const userStatus = pgEnum('user_status', [
  'email_unconfirmed',
  'awaiting_approval',
  'active',
  'rejected',
  'blocked',
]);
export const accountKind = pgEnum('account_kind', ['household', 'company']);
export const accountStatus = pgEnum('account_status', ['active', 'closed']);
export const tariffCategory = pgEnum('tariff_category', ['urban', 'rural_or_stove']);
/** all_day: one-rate plan; day/night: two zones; peak/half_peak/night: three zones. */
export const tariffZone = pgEnum('tariff_zone', ['all_day', 'day', 'night', 'peak', 'half_peak']);
export const meterStatus = pgEnum('meter_status', ['pending_confirmation', 'active', 'removed', 'rejected']);
export const readingSource = pgEnum('reading_source', ['subscriber', 'staff', 'initial', 'import']);
export const readingStatus = pgEnum('reading_status', ['accepted', 'superseded']);
export const volumeMethod = pgEnum('volume_method', ['reading', 'average', 'norm', 'recalculation']);
export const billingRunStatus = pgEnum('billing_run_status', ['running', 'done', 'failed']);
export const billLineKind = pgEnum('bill_line_kind', ['consumption', 'recalculation', 'penalty', 'adjustment']);
export const ledgerKind = pgEnum('ledger_kind', ['charge', 'payment', 'refund', 'adjustment', 'penalty']);
export const paymentPurpose = pgEnum('payment_purpose', ['electricity', 'services', 'connection']);
export const paymentStatus = pgEnum('payment_status', [
  'pending',
  'paid',
  'failed',
  'cancelled',
  'refunded',
  'partially_refunded',
  // Pending past PAYMENT_LIFETIME_MINUTES: the payer abandoned the gateway's page.
  'expired',
]);
export const refundStatus = pgEnum('refund_status', ['requested', 'succeeded', 'failed']);
/** The paid-service request's life (lib/services/status.ts holds the rules; a trigger repeats them). */
export const serviceRequestStatus = pgEnum('service_request_status', [
  'new',
  'price_confirmed',
  'paid',
  'scheduled',
  'done',
  'cancelled',
]);
export const outageKind = pgEnum('outage_kind', ['planned', 'emergency']);
export const documentCategory = pgEnum('document_category', ['normative', 'contracts', 'subscribers', 'payments']);
export const documentAudience = pgEnum('document_audience', ['households', 'companies', 'both']);
export const emailStatus = pgEnum('email_status', ['pending', 'sending', 'sent', 'failed']);
/** What a subscriber can be told about; each has its own switch per channel. */
export const notificationEvent = pgEnum('notification_event', [
  'bill_issued',
  'payment_credited',
  'readings_window_opens',
  'readings_window_closes',
  'month_estimated',
  'debt_notice',
  'outage',
  'service_request_changed',
  'news',
  /** The answer to a subscriber's own message (readings sent by SMS): not a switch, always sent. */
  'inbound_reply',
  'autopay',
]);
export const notificationChannel = pgEnum('notification_channel', ['email', 'sms', 'push']);
export const tokenPurpose = pgEnum('token_purpose', [
  'email_confirm',
  'password_reset',
  'email_change',
  'company_invite',
]);
/** Inside a company: owner (everything, manages users), accountant (money), engineer (metering). */
export const companyRole = pgEnum('company_role', ['owner', 'accountant', 'engineer']);

// ─── The utility ────────────────────────────────────────────────────────────

/** A single row: who the utility is, how to reach it, where money goes (receipts, QR). */
export const utilityProfile = pgTable(
  'utility_profile',
  {
    id: smallint('id').primaryKey().default(1),
    fullName: text('full_name').notNull(),
    shortName: text('short_name').notNull(),
    inn: text('inn').notNull(),
    kpp: text('kpp').notNull(),
    ogrn: text('ogrn').notNull(),
    legalAddress: text('legal_address').notNull(),
    email: text('email').notNull(),
    website: text('website'),
    mainPhone: text('main_phone').notNull(),
    emergencyPhone: text('emergency_phone').notNull(),
    workingHours: text('working_hours'),
    bankName: text('bank_name').notNull(),
    bik: text('bik').notNull(),
    correspondentAccount: text('correspondent_account').notNull(),
    settlementAccount: text('settlement_account').notNull(),
    readingWindowStartDay: smallint('reading_window_start_day').notNull().default(15),
    readingWindowEndDay: smallint('reading_window_end_day').notNull().default(25),
    paymentDueDay: smallint('payment_due_day').notNull().default(10),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('utility_profile_single_row', sql`${t.id} = 1`),
    check(
      'utility_profile_reading_window',
      sql`${t.readingWindowStartDay} between 1 and 28 and ${t.readingWindowEndDay} between ${t.readingWindowStartDay} and 28`,
    ),
    check('utility_profile_due_day', sql`${t.paymentDueDay} between 1 and 28`),
    check('utility_profile_bik', sql`${t.bik} ~ '^[0-9]{9}$'`),
    check(
      'utility_profile_accounts',
      sql`${t.settlementAccount} ~ '^[0-9]{20}$' and ${t.correspondentAccount} ~ '^[0-9]{20}$'`,
    ),
  ],
);

export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  department: text('department').notNull(),
  phone: text('phone'),
  email: text('email'),
  hours: text('hours'),
  note: text('note'),
  sortOrder: integer('sort_order').notNull().default(0),
});

// ─── People and accounts ────────────────────────────────────────────────────

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    inn: text('inn').notNull(),
    kpp: text('kpp'),
    ogrn: text('ogrn'),
    legalAddress: text('legal_address').notNull(),
    /** The utility's employee who looks after the company's contracts (куратор договора). */
    curatorName: text('curator_name'),
    curatorPhone: text('curator_phone'),
    curatorEmail: text('curator_email'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('companies_inn_key').on(t.inn),
    check('companies_inn_format', sql`${t.inn} ~ '^([0-9]{10}|[0-9]{12})$'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    role: userRole('role').notNull().default('subscriber'),
    status: userStatus('status').notNull().default('email_unconfirmed'),
    /** A company user's company: the one source of which company accounts the user may see. */
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    companyRole: companyRole('company_role'),
    /** Bumped on password change or recovery; sessions carrying an older value are dead. */
    sessionVersion: integer('session_version').notNull().default(1),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    /** A new address waiting for confirmation; the old one stays the login until then. */
    pendingEmail: text('pending_email'),
    /** What the applicant typed at registration, shown to staff beside the registry's data. */
    registrationAddress: text('registration_address'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    rejectionReason: text('rejection_reason'),
    consentVersion: text('consent_version'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    notifyReadingReminders: boolean('notify_reading_reminders').notNull().default(true),
    notifyNewBill: boolean('notify_new_bill').notNull().default(true),
    notifyPaymentReceived: boolean('notify_payment_received').notNull().default(true),
    notifyOutages: boolean('notify_outages').notNull().default(true),
    notifyServiceRequests: boolean('notify_service_requests').notNull().default(true),
    newsSubscription: boolean('news_subscription').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_status_idx').on(t.status, t.createdAt),
    check('users_email_format', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('users_company_role', sql`(${t.role} = 'company_user') = (${t.companyId} is not null)`),
    check('users_company_member_role', sql`(${t.role} = 'company_user') = (${t.companyRole} is not null)`),
    index('users_company_idx').on(t.companyId),
    check('users_session_version_positive', sql`${t.sessionVersion} > 0`),
  ],
);

/** Лицевые счета: the registry of supply contracts. A number exists before anyone registers it. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    kind: accountKind('kind').notNull(),
    status: accountStatus('status').notNull().default('active'),
    holderName: text('holder_name').notNull(),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    settlement: text('settlement').notNull(),
    street: text('street').notNull(),
    house: text('house').notNull(),
    flat: text('flat'),
    postcode: text('postcode'),
    /** The phone printed on the receipt (SMS payment). */
    phone: text('phone'),
    /** The contract's e-mail for letters about the account; staff correct it on the account card. */
    email: text('email'),
    tariffCategory: tariffCategory('tariff_category').notNull().default('urban'),
    residents: smallint('residents').notNull().default(1),
    /** Собственники: the norm's multiplier when nobody is registered (ПП РФ № 354, п. 56(2)). */
    owners: smallint('owners').notNull().default(1),
    /** Норматив потребления, kWh per resident per month, used after 3 estimated periods. */
    normKwhPerResident: integer('norm_kwh_per_resident').notNull().default(100),
    contractNumber: text('contract_number').notNull(),
    contractStart: date('contract_start', { mode: 'string' }).notNull(),
    /** Null: an open-ended contract (бессрочный). */
    contractEnd: date('contract_end', { mode: 'string' }),
    /**
     * ЕЛС, единый лицевой счёт of ГИС ЖКХ (lib/validation/gis-ids.ts): assigned there to the payer
     * and premises, entered by staff; null until known. A new owner gets a new ЕЛС.
     */
    els: text('els'),
    /** ИЖКУ: the ЕЛС, «-», and the two-digit number of this service; needs the ЕЛС it starts with. */
    izhku: text('izhku'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_number_key').on(t.number),
    uniqueIndex('accounts_els_key').on(t.els),
    uniqueIndex('accounts_izhku_key').on(t.izhku),
    check('accounts_els_format', sql`${t.els} ~ '^[0-9]{2}[А-Я]{2}[0-9]{6}$'`),
    check(
      'accounts_izhku_format',
      sql`${t.izhku} is null or (${t.izhku} ~ '^[0-9]{2}[А-Я]{2}[0-9]{6}-[0-9]{2}$' and ${t.els} is not null and left(${t.izhku}, 10) = ${t.els})`,
    ),
    index('accounts_company_idx').on(t.companyId),
    check('accounts_number_format', sql`${t.number} ~ '^[0-9]{6,12}$'`),
    check('accounts_company_kind', sql`(${t.kind} = 'company') = (${t.companyId} is not null)`),
    check('accounts_residents', sql`${t.residents} >= 0`),
    check('accounts_owners', sql`${t.owners} >= 0`),
    check('accounts_norm', sql`${t.normKwhPerResident} >= 0`),
    check('accounts_contract_term', sql`${t.contractEnd} is null or ${t.contractEnd} >= ${t.contractStart}`),
  ],
);

/**
 * Who may act for a household account (at most one owner). Company accounts are reached through
 * `accounts.company_id` = `users.company_id` only; a trigger keeps company accounts out of here.
 */
export const accountUsers = pgTable(
  'account_users',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isOwner: boolean('is_owner').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.userId] }),
    uniqueIndex('account_users_one_owner')
      .on(t.accountId)
      .where(sql`${t.isOwner}`),
    index('account_users_user_idx').on(t.userId),
  ],
);

/**
 * Льготники: staff-maintained, each subscriber sees only their own. `category` is the code of a
 * benefit category (the list staff keep, see «Debtors and beneficiaries» below); a custom migration
 * adds the exclusion constraint: no two overlapping periods of one category on one account.
 */
export const accountBenefits = pgTable(
  'account_benefits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    category: text('category')
      .notNull()
      .references(() => benefitCategories.code, { onDelete: 'restrict', onUpdate: 'cascade' }),
    /** The document that grants the benefit (удостоверение, справка: series, number, issued by). */
    basis: text('basis').notNull(),
    /** A scan of that document (PDF/JPEG/PNG), when staff uploaded one. */
    documentFileId: uuid('document_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Inclusive last day; null: without an end date (бессрочно). */
    validTo: date('valid_to', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('account_benefits_account_idx').on(t.accountId),
    index('account_benefits_valid_to_idx').on(t.validTo),
    check('account_benefits_period', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('account_benefits_basis', sql`length(btrim(${t.basis})) > 0`),
  ],
);

// ─── Meters and readings ────────────────────────────────────────────────────

export const meters = pgTable(
  'meters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    serialNumber: text('serial_number').notNull(),
    model: text('model'),
    zonePlan: smallint('zone_plan').notNull(),
    status: meterStatus('status').notNull().default('pending_confirmation'),
    installedAt: date('installed_at', { mode: 'string' }).notNull(),
    verificationDue: date('verification_due', { mode: 'string' }),
    removedAt: date('removed_at', { mode: 'string' }),
    /** The meter this one replaced; a replacement starts a new reading sequence. */
    replacesMeterId: uuid('replaces_meter_id').references((): AnyPgColumn => meters.id, { onDelete: 'restrict' }),
    nameplatePhoto: text('nameplate_photo'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meters_account_serial_key').on(t.accountId, t.serialNumber),
    index('meters_account_idx').on(t.accountId),
    check('meters_zone_plan', sql`${t.zonePlan} in (1, 2, 3)`),
    check('meters_removed_after_install', sql`${t.removedAt} is null or ${t.removedAt} >= ${t.installedAt}`),
  ],
);

export const readings = pgTable(
  'readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id, { onDelete: 'restrict' }),
    period: date('period', { mode: 'string' }).notNull(),
    zone: tariffZone('zone').notNull(),
    /** Whole kWh on the register. */
    value: bigint('value', { mode: 'number' }).notNull(),
    source: readingSource('source').notNull(),
    status: readingStatus('status').notNull().default('accepted'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('readings_one_accepted')
      .on(t.meterId, t.period, t.zone)
      .where(sql`${t.status} = 'accepted'`),
    index('readings_meter_period_idx').on(t.meterId, t.period),
    index('readings_period_idx').on(t.period),
    check('readings_value_non_negative', sql`${t.value} >= 0`),
    check('readings_period_first_day', sql`extract(day from ${t.period}) = 1`),
  ],
);

/** Billed volume per meter, zone and period, and how it was obtained (reading, estimate, norm). */
export const consumptionVolumes = pgTable(
  'consumption_volumes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id, { onDelete: 'restrict' }),
    period: date('period', { mode: 'string' }).notNull(),
    zone: tariffZone('zone').notNull(),
    kwh: bigint('kwh', { mode: 'number' }).notNull(),
    method: volumeMethod('method').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('consumption_volumes_key').on(t.meterId, t.period, t.zone),
    check('consumption_volumes_kwh', sql`${t.kwh} >= 0`),
    check('consumption_volumes_period_first_day', sql`extract(day from ${t.period}) = 1`),
  ],
);

// ─── Tariffs ────────────────────────────────────────────────────────────────

export const tariffs = pgTable(
  'tariffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    category: tariffCategory('category').notNull(),
    zonePlan: smallint('zone_plan').notNull(),
    zone: tariffZone('zone').notNull(),
    /** Monthly volume range (диапазон): from this kWh (inclusive) up to `rangeToKwh` (exclusive). */
    rangeFromKwh: integer('range_from_kwh').notNull().default(0),
    rangeToKwh: integer('range_to_kwh'),
    priceKopecks: integer('price_kopecks').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Inclusive last day; null while in force. */
    effectiveTo: date('effective_to', { mode: 'string' }),
    decree: text('decree'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tariffs_key').on(t.category, t.zonePlan, t.zone, t.rangeFromKwh, t.effectiveFrom),
    index('tariffs_effective_idx').on(t.effectiveFrom),
    check('tariffs_zone_plan', sql`${t.zonePlan} in (1, 2, 3)`),
    check(
      'tariffs_zone_matches_plan',
      sql`(${t.zonePlan} = 1 and ${t.zone} = 'all_day') or (${t.zonePlan} = 2 and ${t.zone} in ('day', 'night')) or (${t.zonePlan} = 3 and ${t.zone} in ('peak', 'half_peak', 'night'))`,
    ),
    check('tariffs_price_positive', sql`${t.priceKopecks} > 0`),
    check(
      'tariffs_range',
      sql`${t.rangeFromKwh} >= 0 and (${t.rangeToKwh} is null or ${t.rangeToKwh} > ${t.rangeFromKwh})`,
    ),
    check('tariffs_period', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
    // A period is priced by the tariff in force on its 1st: a change mid-month would never apply to it.
    check(
      'tariffs_month_boundaries',
      sql`extract(day from ${t.effectiveFrom}) = 1 and (${t.effectiveTo} is null or extract(day from ${t.effectiveTo} + 1) = 1)`,
    ),
  ],
);

// ─── Billing and the ledger ─────────────────────────────────────────────────

export const billingRuns = pgTable(
  'billing_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: date('period', { mode: 'string' }).notNull(),
    status: billingRunStatus('status').notNull().default('running'),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    // Bumped by every chunk: a running run whose heartbeat stops (its process died) is abandoned.
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    accountsTotal: integer('accounts_total'),
    billsCreated: integer('bills_created'),
    error: text('error'),
  },
  (t) => [
    index('billing_runs_period_idx').on(t.period),
    // Only one run of a period at a time.
    uniqueIndex('billing_runs_one_running')
      .on(t.period)
      .where(sql`${t.status} = 'running'`),
    check('billing_runs_period_first_day', sql`extract(day from ${t.period}) = 1`),
  ],
);

export const bills = pgTable(
  'bills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    period: date('period', { mode: 'string' }).notNull(),
    receiptNumber: text('receipt_number').notNull(),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    billingRunId: uuid('billing_run_id').references(() => billingRuns.id, { onDelete: 'set null' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * ИПД, идентификатор платёжного документа of ГИС ЖКХ (lib/validation/gis-ids.ts), 18 characters;
     * ГИС ЖКХ assigns it when the bill is placed there, so null until it is known.
     */
    ipd: text('ipd'),
  },
  (t) => [
    uniqueIndex('bills_account_period_key').on(t.accountId, t.period),
    uniqueIndex('bills_receipt_number_key').on(t.receiptNumber),
    uniqueIndex('bills_ipd_key').on(t.ipd),
    check('bills_ipd_format', sql`${t.ipd} ~ '^[0-9]{2}[А-Я]{2}[0-9]{6}-[0-9]{2}-[0-9]{4}$'`),
    // A billing run's penalties find the bills it just wrote: without it every chunk scans all bills.
    index('bills_billing_run_idx').on(t.billingRunId),
    check('bills_period_first_day', sql`extract(day from ${t.period}) = 1`),
    check('bills_due_after_period', sql`${t.dueDate} > ${t.period}`),
  ],
);

export const billLines = pgTable(
  'bill_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    billId: uuid('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    kind: billLineKind('kind').notNull(),
    meterId: uuid('meter_id').references(() => meters.id, { onDelete: 'restrict' }),
    zone: tariffZone('zone'),
    method: volumeMethod('method'),
    /** The period a recalculation line corrects (its own bill's period otherwise). */
    forPeriod: date('for_period', { mode: 'string' }),
    kwh: bigint('kwh', { mode: 'number' }),
    tariffId: uuid('tariff_id').references(() => tariffs.id, { onDelete: 'restrict' }),
    priceKopecks: integer('price_kopecks'),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    description: text('description').notNull(),
  },
  (t) => [
    index('bill_lines_bill_idx').on(t.billId),
    // «Was this tariff billed?»: the console locks billed tariffs, and the tariffs trigger asks it.
    index('bill_lines_tariff_idx').on(t.tariffId),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Robokassa InvId: 1…2147483647, ours, never reused. */
    invId: integer('inv_id').generatedAlwaysAsIdentity({ startWith: 100001 }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    /** Null for a guest payment. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    purpose: paymentPurpose('purpose').notNull().default('electricity'),
    serviceRequestId: uuid('service_request_id').references((): AnyPgColumn => serviceRequests.id, {
      onDelete: 'restrict',
    }),
    billId: uuid('bill_id').references(() => bills.id, { onDelete: 'set null' }),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    status: paymentStatus('status').notNull().default('pending'),
    gateway: text('gateway').notNull(),
    /**
     * Through the sandbox or a gateway's test mode: no real money; credited only in demo mode. A
     * trigger sets it for every sandbox payment, whatever the insert said.
     */
    isTest: boolean('is_test').notNull().default(false),
    description: text('description').notNull(),
    receiptEmail: text('receipt_email'),
    /**
     * The 54-ФЗ receipt as it went to a gateway that takes it with its answer to the notification
     * (МОНЕТА's Pay URL): fixed by the first notification, repeated to every duplicate.
     */
    fiscalReceipt: jsonb('fiscal_receipt').$type<FiscalReceipt>(),
    /** The first payment of a card binding (Robokassa `Recurring=true`). */
    requestsBinding: boolean('requests_binding').notNull().default(false),
    /** Set when this payment was charged from a bound card. */
    cardBindingId: uuid('card_binding_id').references((): AnyPgColumn => cardBindings.id, { onDelete: 'set null' }),
    gatewayReference: text('gateway_reference'),
    feeKopecks: kopecks('fee_kopecks'),
    paymentMethod: text('payment_method'),
    cardMask: text('card_mask'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /**
     * When the payment was given up as unpaid. Kept if the money arrives after all: a paid payment
     * with this set was credited after its expiry, and staff see it flagged.
     */
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payments_inv_id_key').on(t.invId),
    index('payments_account_idx').on(t.accountId, t.createdAt),
    index('payments_status_idx').on(t.status, t.createdAt),
    check('payments_amount_positive', sql`${t.amountKopecks} > 0`),
    check(
      'payments_paid_at',
      sql`(${t.status} in ('paid', 'refunded', 'partially_refunded')) = (${t.paidAt} is not null)`,
    ),
    // A pending payment has not expired (the new enum value cannot appear in its own migration).
    check('payments_expired_at', sql`${t.status} <> 'pending' or ${t.expiredAt} is null`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    status: refundStatus('status').notNull().default('requested'),
    reason: text('reason').notNull(),
    gatewayReference: text('gateway_reference'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('refunds_payment_idx').on(t.paymentId), check('refunds_amount_positive', sql`${t.amountKopecks} > 0`)],
);

/**
 * Append-only (a trigger refuses UPDATE and DELETE). The amount is signed from the subscriber's
 * side: positive adds to what they owe (charge, penalty, refund), negative pays it off.
 * Each entry names its cause; the unique indexes make "credit a payment once" a database fact.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    kind: ledgerKind('kind').notNull(),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    billId: uuid('bill_id').references(() => bills.id, { onDelete: 'restrict' }),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'restrict' }),
    refundId: uuid('refund_id').references(() => refunds.id, { onDelete: 'restrict' }),
    description: text('description').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_account_idx').on(t.accountId, t.postedAt),
    uniqueIndex('ledger_entries_one_charge_per_bill')
      .on(t.billId)
      .where(sql`${t.kind} = 'charge'`),
    // One credit per payment and account: a payment for several accounts credits each of its
    // allocations (payment_allocations) once, a payment for one account its account once.
    uniqueIndex('ledger_entries_one_credit_per_payment')
      .on(t.paymentId, t.accountId)
      .where(sql`${t.kind} = 'payment'`),
    uniqueIndex('ledger_entries_one_per_refund')
      .on(t.refundId)
      .where(sql`${t.kind} = 'refund'`),
    // A bill's penalty line is posted once, beside its charge.
    uniqueIndex('ledger_entries_one_penalty_per_bill')
      .on(t.billId)
      .where(sql`${t.kind} = 'penalty'`),
    check('ledger_entries_nonzero', sql`${t.amountKopecks} <> 0`),
    check(
      'ledger_entries_sign',
      sql`(${t.kind} in ('charge', 'penalty', 'refund') and ${t.amountKopecks} > 0) or (${t.kind} = 'payment' and ${t.amountKopecks} < 0) or ${t.kind} = 'adjustment'`,
    ),
    check(
      'ledger_entries_cause',
      sql`(${t.kind} <> 'charge' or ${t.billId} is not null) and (${t.kind} <> 'payment' or ${t.paymentId} is not null) and (${t.kind} <> 'refund' or ${t.refundId} is not null)`,
    ),
  ],
);

/** A gateway token for recurring charges. No card data beyond the masked number. */
export const cardBindings = pgTable(
  'card_bindings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: paymentPurpose('purpose').notNull(),
    gateway: text('gateway').notNull(),
    /** For Robokassa: the InvId of the parent payment (PreviousInvoiceID). */
    token: text('token').notNull(),
    cardMask: text('card_mask').notNull(),
    parentPaymentId: uuid('parent_payment_id').references(() => payments.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('card_bindings_user_idx').on(t.userId),
    uniqueIndex('card_bindings_parent_payment_key').on(t.parentPaymentId),
  ],
);

/**
 * One gateway payment for several accounts: what each account gets. A deferred constraint trigger
 * (migration) holds that a payment's allocations, when it has any, add up to its amount and include
 * its own account_id; the ledger credits each allocation once (ledger_entries_one_credit_per_payment).
 */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    amountKopecks: kopecks('amount_kopecks').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.paymentId, t.accountId] }),
    index('payment_allocations_account_idx').on(t.accountId),
    check('payment_allocations_amount_positive', sql`${t.amountKopecks} > 0`),
  ],
);

/** Автоплатёж: each new bill of the account paid in full, or a fixed sum, from a bound card. */
export const autopayMode = pgEnum('autopay_mode', ['full_bill', 'fixed']);

/**
 * One autopay per account, set up by one of its users with one of their bound cards. Deleting the
 * card (by the user, by password recovery) deletes the autopay with it.
 */
export const autopaySettings = pgTable(
  'autopay_settings',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardBindingId: uuid('card_binding_id')
      .notNull()
      .references(() => cardBindings.id, { onDelete: 'cascade' }),
    mode: autopayMode('mode').notNull(),
    fixedAmountKopecks: kopecks('fixed_amount_kopecks'),
    monthlyCapKopecks: kopecks('monthly_cap_kopecks').notNull(),
    /** How long before the charge the notice goes out. */
    noticeHours: smallint('notice_hours').notNull(),
    /** Bills issued before this are not autopaid. */
    enabledAt: timestamp('enabled_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('autopay_settings_user_idx').on(t.userId),
    index('autopay_settings_binding_idx').on(t.cardBindingId),
    check('autopay_settings_fixed_amount', sql`(${t.mode} = 'fixed') = (${t.fixedAmountKopecks} is not null)`),
    check('autopay_settings_fixed_positive', sql`${t.fixedAmountKopecks} is null or ${t.fixedAmountKopecks} > 0`),
    check('autopay_settings_cap_positive', sql`${t.monthlyCapKopecks} > 0`),
    check('autopay_settings_notice_hours', sql`${t.noticeHours} between 1 and 240`),
  ],
);

/**
 * noticed → charging → charged | failed; skipped (nothing due, the cap used up) and cancelled
 * (autopay turned off before the charge) end it without a charge. Never back: a failed charge is
 * not tried again.
 */
export const autopayChargeStatus = pgEnum('autopay_charge_status', [
  'noticed',
  'charging',
  'charged',
  'failed',
  'skipped',
  'cancelled',
]);

/** One autopay charge per account and bill: the unique key makes the job idempotent. */
export const autopayCharges = pgTable(
  'autopay_charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    billId: uuid('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'restrict' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: autopayChargeStatus('status').notNull().default('noticed'),
    /** What the notice announced; at the charge, what was charged. */
    amountKopecks: kopecks('amount_kopecks').notNull(),
    chargeAfter: timestamp('charge_after', { withTimezone: true }).notNull(),
    chargedAt: timestamp('charged_at', { withTimezone: true }),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    /** Why it failed or was skipped (Russian, shown to the subscriber). */
    reason: text('reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('autopay_charges_account_bill_key').on(t.accountId, t.billId),
    index('autopay_charges_due_idx').on(t.status, t.chargeAfter),
    index('autopay_charges_account_idx').on(t.accountId, t.chargedAt),
    check('autopay_charges_amount', sql`${t.amountKopecks} >= 0`),
    check(
      'autopay_charges_charged_at',
      sql`(${t.status} in ('charging', 'charged', 'failed')) = (${t.chargedAt} is not null)`,
    ),
  ],
);

/**
 * «ОПЛАТА» by SMS: the charge the subscriber was asked to confirm with a one-time code. Only the
 * code's HMAC is kept. pending → confirmed (the code matched and the card was charged: payment_id)
 * | declined (the code matched, the charge was refused) | locked (too many wrong codes) | expired |
 * superseded (a newer «ОПЛАТА» replaced it). At most one pending per user, so a code always
 * answers the latest request.
 */
export const smsPayments = pgTable(
  'sms_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    cardBindingId: uuid('card_binding_id').references(() => cardBindings.id, { onDelete: 'set null' }),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: smallint('attempts').notNull().default(0),
    status: text('status').notNull().default('pending'),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sms_payments_one_pending_per_user')
      .on(t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('sms_payments_user_day_idx').on(t.userId, t.createdAt),
    uniqueIndex('sms_payments_payment_key').on(t.paymentId),
    check(
      'sms_payments_status',
      sql`${t.status} in ('pending', 'confirmed', 'declined', 'locked', 'expired', 'superseded')`,
    ),
    check('sms_payments_amount_positive', sql`${t.amountKopecks} > 0`),
    check('sms_payments_attempts', sql`${t.attempts} >= 0`),
  ],
);

// ─── Paid services and contract applications ────────────────────────────────

export const serviceCatalog = pgTable(
  'service_catalog',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    unit: text('unit').notNull(),
    priceKopecks: kopecks('price_kopecks').notNull(),
    /** «от …»: the final price depends on an inspection. */
    priceIsFrom: boolean('price_is_from').notNull().default(false),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('service_catalog_code_key').on(t.code),
    check('service_catalog_price', sql`${t.priceKopecks} >= 0`),
  ],
);

export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').generatedAlwaysAsIdentity({ startWith: 1001 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => serviceCatalog.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull().default(1),
    address: text('address').notNull(),
    comment: text('comment'),
    contactPhone: text('contact_phone').notNull(),
    preferredDate: date('preferred_date', { mode: 'string' }),
    /** `morning` (9–13), `afternoon` (13–18) or `any`. */
    preferredWindow: text('preferred_window').notNull().default('any'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    crew: text('crew'),
    status: serviceRequestStatus('status').notNull().default('new'),
    /** The final price (quantity included); null while an «от …» price waits for staff. */
    priceKopecks: kopecks('price_kopecks'),
    /** Staff's reason for a final price that differs from the catalogue's. */
    priceReason: text('price_reason'),
    /** Set when the customer agreed to the final price (at once for a fixed price). */
    priceAcceptedAt: timestamp('price_accepted_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** The payment that paid the request: set once, by the gateway's notification. */
    paidPaymentId: uuid('paid_payment_id').references((): AnyPgColumn => payments.id, { onDelete: 'restrict' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by'),
    cancelReason: text('cancel_reason'),
    staffComment: text('staff_comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('service_requests_number_key').on(t.number),
    uniqueIndex('service_requests_paid_payment_key').on(t.paidPaymentId),
    index('service_requests_user_idx').on(t.userId, t.createdAt),
    index('service_requests_status_idx').on(t.status, t.createdAt),
    check('service_requests_quantity', sql`${t.quantity} > 0`),
    check('service_requests_window', sql`${t.preferredWindow} in ('morning', 'afternoon', 'any')`),
    check('service_requests_price', sql`${t.priceKopecks} is null or ${t.priceKopecks} > 0`),
    check('service_requests_priced', sql`${t.status} in ('new', 'cancelled') or ${t.priceKopecks} is not null`),
    check(
      'service_requests_paid',
      sql`${t.status} not in ('paid', 'scheduled', 'done') or (${t.priceAcceptedAt} is not null and ${t.paidAt} is not null and ${t.paidPaymentId} is not null)`,
    ),
    check(
      'service_requests_scheduled',
      sql`${t.status} not in ('scheduled', 'done') or (${t.scheduledAt} is not null and ${t.crew} is not null)`,
    ),
    check('service_requests_done', sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
    check(
      'service_requests_cancelled',
      sql`(${t.status} = 'cancelled') = (${t.cancelledBy} is not null) and (${t.cancelledBy} is null or ${t.cancelledBy} in ('customer', 'staff'))`,
    ),
  ],
);

/** The request's timeline: one row per change, append-only (a trigger refuses UPDATE and DELETE). */
export const serviceRequestEvents = pgTable(
  'service_request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'restrict' }),
    /** The status after the event; `price_accepted` and `rescheduled` keep it and say what happened. */
    kind: text('kind').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_request_events_request_idx').on(t.requestId, t.at)],
);

/** Photos the customer attached to the order (stored_files, purpose `service_photo`). */
export const serviceRequestPhotos = pgTable(
  'service_request_photos',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.fileId] })],
);

// ─── Public content ─────────────────────────────────────────────────────────

export const news = pgTable(
  'news',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Plain text; paragraphs separated by blank lines. */
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** When the news mailing went out to the subscribers of «news»; null until it has. */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('news_slug_key').on(t.slug),
    index('news_published_idx').on(t.publishedAt),
    check('news_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/** The help centre's sections, in the order the page shows them. */
export const helpSection = pgEnum('help_section', [
  'account',
  'readings',
  'payments',
  'bills',
  'services',
  'connection',
  'security',
]);

/** A help-centre answer. Searched in Russian (stemmed): the GIN index is on the same expression lib/support/help-search.ts queries. */
export const helpArticles = pgTable(
  'help_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    section: helpSection('section').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** The safe markup of lib/content/markup.ts. */
    body: text('body').notNull(),
    /** The page of this portal that does what the answer explains, and its button's words. */
    actionHref: text('action_href').notNull(),
    actionLabel: text('action_label').notNull(),
    position: integer('position').notNull().default(0),
    published: boolean('published').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('help_articles_slug_key').on(t.slug),
    check('help_articles_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('help_articles_action_local', sql`${t.actionHref} ~ '^/[a-z]'`),
    index('help_articles_search_idx').using(
      'gin',
      sql`to_tsvector('russian'::regconfig, ${t.title} || ' ' || ${t.summary} || ' ' || ${t.body})`,
    ),
  ],
);

export const outages = pgTable(
  'outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: outageKind('kind').notNull(),
    settlement: text('settlement').notNull(),
    /** Streets and houses affected, as published (e.g. «ул. Ленина, д. 1–15; ул. Садовая»). */
    streets: text('streets').notNull(),
    reason: text('reason').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** Planned end, or the estimate for an emergency; null while unknown. */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index('outages_starts_idx').on(t.startsAt),
    index('outages_settlement_idx').on(t.settlement),
    check('outages_period', sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
    check('outages_planned_end', sql`${t.kind} <> 'planned' or ${t.endsAt} is not null`),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    category: documentCategory('category').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** The utility's own text (plain, paragraphs by blank lines), or a link to the official source. */
    body: text('body'),
    externalUrl: text('external_url'),
    /** A PDF published by staff (stored_files, purpose `document`). */
    fileId: uuid('file_id').references((): AnyPgColumn => storedFiles.id, { onDelete: 'restrict' }),
    /** The edition as the utility names it («ред. от 01.03.2026», «версия 2»). */
    version: text('version'),
    audience: documentAudience('audience').notNull().default('both'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('documents_slug_key').on(t.slug),
    check(
      'documents_has_content',
      sql`${t.body} is not null or ${t.externalUrl} is not null or ${t.fileId} is not null`,
    ),
    check('documents_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

// ─── Infrastructure: e-mail outbox, tokens, rate limits, audit ──────────────

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    template: text('template').notNull(),
    /** Extra headers of a mailing letter (List-Unsubscribe, RFC 8058); null for the others. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    /** Makes a logical message (e.g. a reminder for one period) idempotent. */
    dedupeKey: text('dedupe_key'),
    status: emailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('email_outbox_dedupe_key').on(t.dedupeKey),
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_to_idx').on(t.toAddress, t.createdAt),
  ],
);

/**
 * A subscriber's explicit choice for one event on one channel. No row: the default (e-mail on for
 * everything but news, SMS and push off). E-mail for the events that had a switch before
 * (users.notify_*) is read from that column, its one source, and not stored here.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    event: notificationEvent('event').notNull(),
    channel: notificationChannel('channel').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event, t.channel] })],
);

/**
 * The notification centre's record: one row per event, recipient and channel. The dedupe key makes
 * a retried job or a second publication a no-op. SMS and push rows are their own outbox (claimed
 * with a lease, retried with back-off); an e-mail row's letter is in email_outbox under
 * `notification:<id>`.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null only for the answer to an SMS from a phone no account has (it still gets a polite reply). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    event: notificationEvent('event').notNull(),
    channel: notificationChannel('channel').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** The e-mail address or phone it went to. */
    address: text('address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: emailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before: quiet hours hold an SMS until 08:00 Moscow time. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_due_idx').on(t.channel, t.status, t.nextAttemptAt),
  ],
);

/**
 * A browser's web-push subscription (the installed app) of a signed-in user: the push service's
 * endpoint and the keys its payloads are encrypted with (RFC 8291). A push service that answers
 * 404 or 410 has dropped it, and the row is deleted.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    /** The browser's P-256 public key, base64url. */
    p256dh: text('p256dh').notNull(),
    /** The 16-byte authentication secret, base64url. */
    auth: text('auth').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

/**
 * A message a subscriber sent us (a reply letter, an SMS), once per provider message id: a webhook
 * the provider retries finds its row and changes nothing. The row keeps what it came to.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: notificationChannel('channel').notNull(),
    providerMessageId: text('provider_message_id').notNull(),
    /** The sender's e-mail address or phone. */
    sender: text('sender').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** What was done: the command word and whether readings were accepted. */
    outcome: text('outcome').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('inbound_messages_provider_id').on(t.channel, t.providerMessageId),
    check('inbound_messages_channel', sql`${t.channel} in ('email', 'sms')`),
  ],
);

/** Single-use tokens; only the SHA-256 of the token is stored. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: tokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    payload: jsonb('payload'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('one_time_tokens_hash_key').on(t.tokenHash),
    index('one_time_tokens_user_idx').on(t.userId, t.purpose),
  ],
);

/** Fixed-window counters shared by all app instances. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_window_idx').on(t.windowStart)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** No foreign key: the trail keeps who acted after that user is deleted. */
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: inet('ip'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    // The console's audit trail of one account (or any other subject).
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.at),
  ],
);

// ─── Uploaded files ─────────────────────────────────────────────────────────

/**
 * Every file a person uploads (photos of a panel, an application's documents, a published PDF),
 * kept in the database so every app instance serves it and a backup holds it. The type is the one
 * sniffed from the bytes at upload (lib/files); the rows that use a file point here.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What it was uploaded for (e.g. `service_photo`, `application_document`); guards reuse across features. */
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('stored_files_uploader_idx').on(t.uploadedBy, t.createdAt),
    check('stored_files_size', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} = octet_length(${t.content})`),
    // Spreadsheets: a company's readings file, kept between its preview and its confirmation.
    check(
      'stored_files_type',
      sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')`,
    ),
    check('stored_files_purpose_format', sql`${t.purpose} ~ '^[a-z][a-z_]*$'`),
  ],
);

// ─── Sessions, staff second factor, refund approvals (auth) ──────────────────

export const sessionDoor = pgEnum('session_door', ['household', 'company', 'staff']);

/**
 * One row per signed-in browser; the cookie carries the row's id. Logout deletes the row, which
 * kills a copied cookie too. `expires_at` is the absolute end; `idle_seconds`, when set, ends a
 * session that was not used for that long (staff).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    door: sessionDoor('door').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    idleSeconds: integer('idle_seconds'),
    /** When this session passed the second factor (staff); null: only the enrolment page is open. */
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
    check('sessions_expiry_after_start', sql`${t.expiresAt} > ${t.createdAt}`),
    check('sessions_idle_positive', sql`${t.idleSeconds} is null or ${t.idleSeconds} > 0`),
  ],
);

/**
 * A staff member's TOTP secret (RFC 6238), encrypted with a key derived from AUTH_SECRET.
 * Unconfirmed until the first code from the app is accepted. `last_step` refuses a code replay.
 */
export const staffTotp = pgTable('staff_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Ten single-use recovery codes per staff member; only the SHA-256 is stored. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_recovery_codes_hash_key').on(t.userId, t.codeHash)],
);

export const refundRequestStatus = pgEnum('refund_request_status', ['pending', 'approving', 'approved', 'declined']);

/** A refund above the threshold waits here until a second staff member approves it. */
export const refundRequests = pgTable(
  'refund_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    reason: text('reason').notNull(),
    status: refundRequestStatus('status').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    refundId: uuid('refund_id').references(() => refunds.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('refund_requests_payment_idx').on(t.paymentId, t.status),
    check('refund_requests_amount_positive', sql`${t.amountKopecks} > 0`),
    check('refund_requests_second_person', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
    check(
      'refund_requests_decided',
      sql`(${t.status} in ('pending')) = (${t.decidedBy} is null) and (${t.status} = 'approved') = (${t.refundId} is not null)`,
    ),
  ],
);

// ─── Staff publishing (console) ──────────────────────────────────────────────

/**
 * The addresses an outage covers, picked from the account addresses (same settlement and street
 * spelling), so a subscriber's own outages are found by equality. `houses` null: the whole street;
 * otherwise a list such as «1–25, 27, 30а» (lib/content/house-spec.ts).
 */
export const outageAddresses = pgTable(
  'outage_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outageId: uuid('outage_id')
      .notNull()
      .references(() => outages.id, { onDelete: 'cascade' }),
    street: text('street').notNull(),
    houses: text('houses'),
  },
  (t) => [
    index('outage_addresses_outage_idx').on(t.outageId),
    uniqueIndex('outage_addresses_street_key').on(t.outageId, t.street),
  ],
);

// ─── Accounts registry (console) ─────────────────────────────────────────────
// The search box of /admin/accounts reads trigram indexes (pg_trgm) on accounts, users and meters;
// they are expression indexes, created by the migration `accounts_registry_search`.

/**
 * Residents, owners and tariff category by billing period: each row holds the values in force from
 * its month on, until the next row. A billed period keeps what it was billed with because a change
 * may only start in a month not billed yet; `accounts` holds the latest registered values.
 */
export const accountTerms = pgTable(
  'account_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    residents: smallint('residents').notNull(),
    owners: smallint('owners').notNull(),
    tariffCategory: tariffCategory('tariff_category').notNull(),
    /** Why the values changed (a statement, a certificate); null for the row recording the values before. */
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('account_terms_account_month_key').on(t.accountId, t.effectiveFrom),
    check('account_terms_first_day', sql`extract(day from ${t.effectiveFrom}) = 1`),
    check('account_terms_residents', sql`${t.residents} >= 0`),
    check('account_terms_owners', sql`${t.owners} >= 0`),
  ],
);

/** Staff notes on an account: added and read on the account card, never edited. */
export const accountNotes = pgTable(
  'account_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('account_notes_account_idx').on(t.accountId, t.createdAt),
    check('account_notes_body', sql`length(btrim(${t.body})) between 1 and 2000`),
  ],
);

export const adjustmentStatus = pgEnum('adjustment_status', ['pending', 'approved', 'declined']);

/**
 * A staff correction of an account's balance: posted as a new ledger entry of kind `adjustment`
 * (never an edit). Up to the threshold it is approved when made; above it an admin other than the
 * requester approves it, and only then is the ledger entry written.
 */
export const accountAdjustments = pgTable(
  'account_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    /** Signed like the ledger: positive adds to what the subscriber owes, negative takes off. */
    amountKopecks: kopecks('amount_kopecks').notNull(),
    reason: text('reason').notNull(),
    status: adjustmentStatus('status').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'restrict' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }).references(() => ledgerEntries.id, {
      onDelete: 'restrict',
    }),
  },
  (t) => [
    index('account_adjustments_account_idx').on(t.accountId, t.status),
    uniqueIndex('account_adjustments_ledger_entry_key').on(t.ledgerEntryId),
    check('account_adjustments_nonzero', sql`${t.amountKopecks} <> 0`),
    check('account_adjustments_reason', sql`length(btrim(${t.reason})) >= 5`),
    check('account_adjustments_second_person', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
    check('account_adjustments_posted', sql`(${t.status} = 'approved') = (${t.ledgerEntryId} is not null)`),
    check(
      'account_adjustments_decided',
      sql`(${t.status} = 'pending') = (${t.decidedAt} is null) and (${t.status} <> 'declined' or ${t.decidedBy} is not null)`,
    ),
  ],
);

// ─── Relations (for the relational query API) ───────────────────────────────

export const usersRelations = relations(users, ({ one, many }) => ({
  company: one(companies, { fields: [users.companyId], references: [companies.id] }),
  accountLinks: many(accountUsers),
  cardBindings: many(cardBindings),
}));

export const accountsRelations = relations(accounts, ({ one, many }) => ({
  company: one(companies, { fields: [accounts.companyId], references: [companies.id] }),
  userLinks: many(accountUsers),
  meters: many(meters),
  bills: many(bills),
  ledgerEntries: many(ledgerEntries),
  payments: many(payments),
  benefits: many(accountBenefits),
}));

export const accountUsersRelations = relations(accountUsers, ({ one }) => ({
  account: one(accounts, { fields: [accountUsers.accountId], references: [accounts.id] }),
  user: one(users, { fields: [accountUsers.userId], references: [users.id] }),
}));

export const accountBenefitsRelations = relations(accountBenefits, ({ one }) => ({
  account: one(accounts, { fields: [accountBenefits.accountId], references: [accounts.id] }),
}));

export const metersRelations = relations(meters, ({ one, many }) => ({
  account: one(accounts, { fields: [meters.accountId], references: [accounts.id] }),
  readings: many(readings),
}));

export const readingsRelations = relations(readings, ({ one }) => ({
  meter: one(meters, { fields: [readings.meterId], references: [meters.id] }),
}));

export const billsRelations = relations(bills, ({ one, many }) => ({
  account: one(accounts, { fields: [bills.accountId], references: [accounts.id] }),
  lines: many(billLines),
}));

export const billLinesRelations = relations(billLines, ({ one }) => ({
  bill: one(bills, { fields: [billLines.billId], references: [bills.id] }),
  meter: one(meters, { fields: [billLines.meterId], references: [meters.id] }),
  tariff: one(tariffs, { fields: [billLines.tariffId], references: [tariffs.id] }),
}));

export const paymentsRelations = relations(payments, ({ one }) => ({
  account: one(accounts, { fields: [payments.accountId], references: [accounts.id] }),
  user: one(users, { fields: [payments.userId], references: [users.id] }),
}));

export const ledgerEntriesRelations = relations(ledgerEntries, ({ one }) => ({
  account: one(accounts, { fields: [ledgerEntries.accountId], references: [accounts.id] }),
}));

export const cardBindingsRelations = relations(cardBindings, ({ one }) => ({
  user: one(users, { fields: [cardBindings.userId], references: [users.id] }),
}));

export const serviceRequestsRelations = relations(serviceRequests, ({ one }) => ({
  service: one(serviceCatalog, { fields: [serviceRequests.serviceId], references: [serviceCatalog.id] }),
  account: one(accounts, { fields: [serviceRequests.accountId], references: [accounts.id] }),
}));

// ─── Penalties (пени, ЖК РФ ст. 155 ч. 14) ──────────────────────────────────

/** The Bank of Russia key rate by the day it took effect; staff keep it (audited). */
export const keyRates = pgTable(
  'key_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Hundredths of a percent a year: 21 % is 2100. */
    rateBasisPoints: integer('rate_basis_points').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('key_rates_effective_from_key').on(t.effectiveFrom),
    check('key_rates_rate_range', sql`${t.rateBasisPoints} > 0 and ${t.rateBasisPoints} <= 10000`),
  ],
);

export const penaltyReliefKind = pgEnum('penalty_relief_kind', ['moratorium', 'rate_cap']);

/**
 * Periods of relief set by the Government: a moratorium (no penalty for its days) or a rate cap (the
 * key rate used is at most `capBasisPoints` while a calculation falls inside it).
 */
export const penaltyReliefPeriods = pgTable(
  'penalty_relief_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: penaltyReliefKind('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Inclusive last day. */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    capBasisPoints: integer('cap_basis_points'),
    /** The act that set it: «ПП РФ от 28.03.2022 № 497». */
    basis: text('basis').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('penalty_relief_periods_order', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'penalty_relief_periods_cap',
      sql`(${t.kind} = 'rate_cap') = (${t.capBasisPoints} is not null) and (${t.capBasisPoints} is null or ${t.capBasisPoints} > 0)`,
    ),
  ],
);

/**
 * One row per overdue day a penalty was accrued for, per bill whose debt it was: the primary key
 * makes «never charged twice for the same day» a database fact. `penaltyBillId` is the bill whose
 * penalty line holds it. Penalty = base × rate / 10 000 / divisor per day, rounded once per line.
 */
export const penaltyDays = pgTable(
  'penalty_days',
  {
    debtBillId: uuid('debt_bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'restrict' }),
    day: date('day', { mode: 'string' }).notNull(),
    penaltyBillId: uuid('penalty_bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    baseKopecks: kopecks('base_kopecks').notNull(),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    /** 300 from the 31st overdue day, 130 from the 91st. */
    divisor: smallint('divisor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.debtBillId, t.day] }),
    index('penalty_days_penalty_bill_idx').on(t.penaltyBillId),
    check('penalty_days_base_positive', sql`${t.baseKopecks} > 0`),
    check('penalty_days_divisor', sql`${t.divisor} in (300, 130)`),
    check('penalty_days_rate_positive', sql`${t.rateBasisPoints} > 0`),
  ],
);

// ─── Row types ──────────────────────────────────────────────────────────────

export type User = typeof users.$inferSelect;
export type Account = typeof accounts.$inferSelect;
export type Meter = typeof meters.$inferSelect;
export type Reading = typeof readings.$inferSelect;
export type Tariff = typeof tariffs.$inferSelect;
export type Bill = typeof bills.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type News = typeof news.$inferSelect;
export type HelpArticle = typeof helpArticles.$inferSelect;
export type Outage = typeof outages.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type OutageAddress = typeof outageAddresses.$inferSelect;
export type ServiceItem = typeof serviceCatalog.$inferSelect;
export type UtilityProfile = typeof utilityProfile.$inferSelect;
export type Contact = typeof contacts.$inferSelect;

// ─── Debtors and beneficiaries (staff console) ──────────────────────────────

/** Staff-maintained list of benefit categories (ветераны, инвалиды, многодетные…). */
export const benefitCategories = pgTable(
  'benefit_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short code used by the social protection office's lists; account benefits refer to it. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** What the benefit gives, in words (e.g. «компенсация 50 % платы в пределах нормы»). */
    discount: text('discount').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('benefit_categories_code_key').on(t.code),
    check('benefit_categories_code_format', sql`${t.code} ~ '^[A-Za-zА-Яа-яЁё0-9_-]{1,30}$'`),
    check('benefit_categories_name', sql`length(btrim(${t.name})) > 0`),
  ],
);

/**
 * ПП РФ № 354, п. 119: a household is warned before its supply is restricted; the notice says the
 * debt and that it must be paid within 20 days of delivery. `reminder`: the debt does not yet exceed
 * two months of normative charges (п. 117–118), so the letter only asks to pay and threatens nothing.
 */
export const debtNoticeKind = pgEnum('debt_notice_kind', ['warning', 'reminder']);

export const debtNotices = pgTable(
  'debt_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    kind: debtNoticeKind('kind').notNull(),
    /** The overdue debt named in the notice. */
    debtKopecks: kopecks('debt_kopecks').notNull(),
    /** Two months of charges by the consumption norm, the п. 118 threshold on the day of the notice. */
    thresholdKopecks: kopecks('threshold_kopecks').notNull(),
    /** The day the letter went out by e-mail (delivery through the cabinet and e-mail, п. 119). */
    deliveredOn: date('delivered_on', { mode: 'string' }).notNull(),
    /** The last day to pay: 20 days from delivery. */
    payBy: date('pay_by', { mode: 'string' }).notNull(),
    emailTo: text('email_to').notNull(),
    /** The PDF letter (stored_files, purpose `debt_notice`). */
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('debt_notices_account_idx').on(t.accountId, t.createdAt),
    check('debt_notices_debt_positive', sql`${t.debtKopecks} > 0`),
    check('debt_notices_threshold', sql`${t.thresholdKopecks} >= 0`),
    check('debt_notices_pay_by', sql`${t.payBy} = ${t.deliveredOn} + 20`),
  ],
);

// ─── Contract applications of companies (/lk/applications, /admin/applications) ───────────────
// A company asks for a supply contract for an object: its details at the time of asking, the
// object, the power and the reliability category, the documents of the checklist, and a status
// that moves only along lib/applications/status.ts (a trigger repeats the edges).

export const companyApplicationStatus = pgEnum('company_application_status', [
  'submitted',
  'in_review',
  'documents_requested',
  'contract_offered',
  'signed',
  'refused',
]);

export const companyApplications = pgTable(
  'company_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the applicant and staff call it: «Заявка № 1024». */
    number: integer('number').generatedAlwaysAsIdentity({ startWith: 1001 }).notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'restrict' }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    companyName: text('company_name').notNull(),
    inn: text('inn').notNull(),
    kpp: text('kpp'),
    ogrn: text('ogrn'),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    objectAddress: text('object_address').notNull(),
    maxPowerKw: numeric('max_power_kw', { precision: 10, scale: 2 }).notNull(),
    /** Категория надёжности электроснабжения: I, II or III. */
    reliabilityCategory: smallint('reliability_category').notNull(),
    comment: text('comment'),
    status: companyApplicationStatus('status').notNull().default('submitted'),
    /** The latest word of staff to the applicant: the documents asked for, or the refusal's reason. */
    staffMessage: text('staff_message'),
    /** The contract offer PDF, once offered. */
    offerFileId: uuid('offer_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('company_applications_number_key').on(t.number),
    index('company_applications_queue_idx').on(t.status, t.createdAt),
    index('company_applications_company_idx').on(t.companyId, t.createdAt),
    check('company_applications_power', sql`${t.maxPowerKw} > 0`),
    check('company_applications_reliability', sql`${t.reliabilityCategory} in (1, 2, 3)`),
    check('company_applications_inn_format', sql`${t.inn} ~ '^([0-9]{10}|[0-9]{12})$'`),
    check(
      'company_applications_offer',
      sql`${t.status} not in ('contract_offered', 'signed') or ${t.offerFileId} is not null`,
    ),
  ],
);

/** The uploaded documents, each under one item of the checklist (lib/applications/checklist.ts). */
export const companyApplicationFiles = pgTable(
  'company_application_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => companyApplications.id, { onDelete: 'restrict' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    item: text('item').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('company_application_files_file_key').on(t.fileId),
    index('company_application_files_application_idx').on(t.applicationId, t.createdAt),
  ],
);

/** The timeline: one line per status change or message, append-only (a trigger). */
export const companyApplicationEvents = pgTable(
  'company_application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => companyApplications.id, { onDelete: 'restrict' }),
    status: companyApplicationStatus('status').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('company_application_events_application_idx').on(t.applicationId, t.at)],
);

export type CompanyApplication = typeof companyApplications.$inferSelect;

// ─── Shared route cache ─────────────────────────────────────────────────────
// Rendered public pages shared by every instance (route-cache-handler.mjs, ROUTE_CACHE=postgres).
// Unlogged (migration): a cache emptied by a crash is simply rendered again.

export const routeCache = pgTable('route_cache', {
  key: text('key').primaryKey(),
  /** The Next.js cache value as tagged JSON (Buffers base64, Maps as entries). */
  payload: text('payload').notNull(),
  tags: text('tags').array().notNull(),
  /** Milliseconds since the epoch, by the database's clock. */
  lastModified: bigint('last_modified', { mode: 'number' }).notNull(),
  cacheControl: jsonb('cache_control'),
});

export const routeCacheTags = pgTable('route_cache_tags', {
  tag: text('tag').primaryKey(),
  revalidatedAt: bigint('revalidated_at', { mode: 'number' }).notNull(),
});

// ─── Technological connection (ПП РФ № 861, up to 150 kW) ───────────────────

export const connectionStatus = pgEnum('connection_status', [
  'submitted',
  'data_requested',
  'offer_posted',
  'contracted',
  'works_done',
  'act_posted',
  'done',
  'cancelled',
]);

/**
 * An application for technological connection with the fields of п. 9 of the Rules. Power is in
 * watts (integers; the form takes kW with a decimal). The status moves only along the edges of
 * lib/connection/status.ts, repeated by a trigger (migration connection_transitions).
 */
export const connectionApplications = pgTable(
  'connection_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').generatedAlwaysAsIdentity({ startWith: 5001 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Set for an application filed from the company cabinet: every member with the right role sees it. */
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    /** The applicant's account the invoice payment is recorded against (never credited to its ledger). */
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    /** `person` (гражданин) or `business` (ЮЛ / ИП). */
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name').notNull(),
    /** ЕГРЮЛ / ЕГРИП record number and date (business). */
    registryRecord: text('registry_record'),
    /** Series, number, issued by and when (person). */
    passport: text('passport'),
    snils: text('snils'),
    applicantAddress: text('applicant_address').notNull(),
    /** `new` connection, `increase` of power. */
    reason: text('reason').notNull(),
    objectName: text('object_name').notNull(),
    objectAddress: text('object_address').notNull(),
    cadastralNumber: text('cadastral_number').notNull(),
    maxPowerW: integer('max_power_w').notNull(),
    existingPowerW: integer('existing_power_w').notNull().default(0),
    reliabilityCategory: smallint('reliability_category').notNull(),
    voltage: text('voltage').notNull(),
    loadCharacter: text('load_character').notNull(),
    plannedDesignBy: date('planned_design_by', { mode: 'string' }),
    plannedCommissioningBy: date('planned_commissioning_by', { mode: 'string' }),
    contactPhone: text('contact_phone').notNull(),
    /** The household schedule of ≤ 15 kW: 15 % / 30 % / 35 % / 20 % (lib/connection/installments.ts). */
    installments: boolean('installments').notNull().default(false),
    status: connectionStatus('status').notNull().default('submitted'),
    /** When the application last became `submitted` (filed, or the missing data supplied): the grid's clock. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    dataRequestedAt: timestamp('data_requested_at', { withTimezone: true }),
    dataRequestNote: text('data_request_note'),
    /** The rate category of the calculator the invoice was priced by. */
    rateCategory: text('rate_category'),
    rateKopecksPerKw: kopecks('rate_kopecks_per_kw'),
    priceKopecks: kopecks('price_kopecks'),
    offerPostedAt: timestamp('offer_posted_at', { withTimezone: true }),
    /** The last day (Moscow) the invoice may be paid; unpaid after it, the offer is cancelled. */
    payBy: date('pay_by', { mode: 'string' }),
    connectionPoint: text('connection_point'),
    gridWorks: text('grid_works'),
    applicantWorks: text('applicant_works'),
    tuValidYears: smallint('tu_valid_years'),
    offerFileId: uuid('offer_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    tuFileId: uuid('tu_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    contractedAt: timestamp('contracted_at', { withTimezone: true }),
    paidPaymentId: uuid('paid_payment_id').references(() => payments.id, { onDelete: 'restrict' }),
    /** The last day (Moscow) of the works under п. 16 «б», counted from the contract. */
    worksDue: date('works_due', { mode: 'string' }),
    worksDoneAt: timestamp('works_done_at', { withTimezone: true }),
    actPostedAt: timestamp('act_posted_at', { withTimezone: true }),
    actFileId: uuid('act_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by'),
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('connection_applications_number_key').on(t.number),
    uniqueIndex('connection_applications_paid_payment_key').on(t.paidPaymentId),
    index('connection_applications_user_idx').on(t.userId, t.createdAt),
    index('connection_applications_company_idx').on(t.companyId, t.createdAt),
    index('connection_applications_status_idx').on(t.status, t.createdAt),
    check('connection_applications_kind', sql`${t.applicantKind} in ('person', 'business')`),
    check('connection_applications_reason', sql`${t.reason} in ('new', 'increase')`),
    check(
      'connection_applications_power',
      sql`${t.maxPowerW} > 0 and ${t.maxPowerW} <= 150000 and ${t.existingPowerW} >= 0 and ${t.existingPowerW} < ${t.maxPowerW}`,
    ),
    check('connection_applications_category', sql`${t.reliabilityCategory} in (2, 3)`),
    check('connection_applications_voltage', sql`${t.voltage} in ('0.23', '0.4', '6', '10')`),
    check('connection_applications_price', sql`${t.priceKopecks} is null or ${t.priceKopecks} > 0`),
    check(
      'connection_applications_offer',
      sql`${t.status} in ('submitted', 'data_requested', 'cancelled') or (${t.priceKopecks} is not null and ${t.offerPostedAt} is not null and ${t.payBy} is not null and ${t.offerFileId} is not null and ${t.tuFileId} is not null)`,
    ),
    check(
      'connection_applications_paid',
      sql`${t.status} not in ('contracted', 'works_done', 'act_posted', 'done') or (${t.paidPaymentId} is not null and ${t.contractedAt} is not null and ${t.worksDue} is not null)`,
    ),
    check(
      'connection_applications_act',
      sql`${t.status} not in ('act_posted', 'done') or (${t.actFileId} is not null and ${t.actPostedAt} is not null)`,
    ),
    check('connection_applications_done', sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
    check(
      'connection_applications_cancelled',
      sql`(${t.status} = 'cancelled') = (${t.cancelledBy} is not null) and (${t.cancelledBy} is null or ${t.cancelledBy} in ('applicant', 'staff', 'system'))`,
    ),
  ],
);

/** The application's timeline: one row per change, append-only (a trigger refuses UPDATE and DELETE). */
export const connectionEvents = pgTable(
  'connection_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => connectionApplications.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    note: text('note'),
    /** The SHA-256 of the document posted with this step: evidence of what was placed in the cabinet. */
    documentSha256: text('document_sha256'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('connection_events_application_idx').on(t.applicationId, t.at)],
);

/** The documents of п. 10 the applicant uploaded (stored_files, purpose `connection_document`). */
export const connectionDocuments = pgTable(
  'connection_documents',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => connectionApplications.id, { onDelete: 'restrict' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.fileId] }),
    check(
      'connection_documents_kind',
      sql`${t.kind} in ('application_scan', 'identity', 'site_plan', 'title_deed', 'power_of_attorney', 'registry_extract', 'other')`,
    ),
  ],
);

/**
 * A payment of an application's invoice: which application (and which part of an installment
 * schedule, 1 for a payment in full) a `connection` payment pays; `credited_at` is set once, by the
 * gateway's notification, and at most one payment is credited per part.
 */
export const connectionPayments = pgTable(
  'connection_payments',
  {
    paymentId: uuid('payment_id')
      .primaryKey()
      .references(() => payments.id, { onDelete: 'restrict' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => connectionApplications.id, { onDelete: 'restrict' }),
    part: smallint('part').notNull().default(1),
    creditedAt: timestamp('credited_at', { withTimezone: true }),
  },
  (t) => [
    check('connection_payments_part', sql`${t.part} between 1 and 4`),
    uniqueIndex('connection_payments_one_credit_per_part')
      .on(t.applicationId, t.part)
      .where(sql`${t.creditedAt} is not null`),
  ],
);

/** The connection fee per kW of the new power, by rate category, from a date (staff add rows; none change). */
export const connectionRates = pgTable(
  'connection_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    category: text('category').notNull(),
    kopecksPerKw: kopecks('kopecks_per_kw').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    basis: text('basis').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('connection_rates_category_from_key').on(t.category, t.effectiveFrom),
    check('connection_rates_category', sql`${t.category} in ('household_preferential', 'standard')`),
    check('connection_rates_positive', sql`${t.kopecksPerKw} > 0`),
  ],
);

/**
 * The production calendar's exceptions to «Monday–Friday work»: a weekday off (a holiday or a day
 * moved) or a weekend day worked. Deadlines in working days count by it.
 */
export const workCalendarDays = pgTable('work_calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  working: boolean('working').notNull(),
  note: text('note').notNull(),
});

export type ConnectionApplication = typeof connectionApplications.$inferSelect;

// ─── Paid services: the price history ───────────────────────────────────────

/**
 * A service's price from a date (Moscow). The price in force on a day is the row with the latest
 * `effective_from` not after it; before the first row the catalogue's own price holds (the price
 * the service was listed at). Rows are only added, one per service and day, never for a day
 * already past when they are entered: a request keeps the price it was ordered at, and a price
 * list of any past day can be explained.
 */
export const serviceCatalogPrices = pgTable(
  'service_catalog_prices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => serviceCatalog.id, { onDelete: 'restrict' }),
    priceKopecks: kopecks('price_kopecks').notNull(),
    priceIsFrom: boolean('price_is_from').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('service_catalog_prices_service_from_key').on(t.serviceId, t.effectiveFrom),
    check('service_catalog_prices_positive', sql`${t.priceKopecks} > 0`),
    check(
      'service_catalog_prices_not_past',
      sql`${t.effectiveFrom} >= (${t.createdAt} at time zone 'Europe/Moscow')::date`,
    ),
  ],
);

/** At most one bank transfer pays a service request (the card path has its own exactly-once rules). */
export const serviceBankPayments = pgTable(
  'service_bank_payments',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => serviceRequests.id, { onDelete: 'restrict' }),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    /** The day the money arrived, from the bank statement (Moscow). */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The payer's payment order number (номер платёжного поручения). */
    orderNumber: text('order_number').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('service_bank_payments_payment_key').on(t.paymentId)],
);

// ─── Appeals (обращения): a conversation with a deadline ───────────────────────

export const appealTopic = pgEnum('appeal_topic', [
  'billing_dispute',
  'readings',
  'payment_not_credited',
  'outage',
  'service_request',
  'connection',
  'other',
]);

/** A guest's appeal waits for its e-mail to be confirmed; staff see it only from `open` on. */
export const appealStatus = pgEnum('appeal_status', ['awaiting_email_confirmation', 'open', 'answered', 'closed']);

export const appealAuthor = pgEnum('appeal_author', ['appellant', 'staff']);

/** Numbers people quote on the phone: «О-2026-000123» (the year of filing, then this sequence). */
export const appealNumberSeq = pgSequence('appeal_number_seq', { startWith: 1 });

/**
 * An appeal from a cabinet (user, maybe one of their accounts) or from a guest (name and e-mail,
 * the account number as typed). The answer is due on `due_on`, counted in working days of the
 * production calendar from the day the appeal became `open` (filed, or the guest's e-mail confirmed).
 */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    topic: appealTopic('topic').notNull(),
    status: appealStatus('status').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
    /** Set for an appeal from the company cabinet: every member of the company sees it. */
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'restrict' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    guestName: text('guest_name'),
    guestEmail: text('guest_email'),
    /** What a guest typed as their account number; not checked against the registry. */
    guestAccountNumber: text('guest_account_number'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    dueOn: date('due_on', { mode: 'string' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    rating: smallint('rating'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('appeals_number_key').on(t.number),
    index('appeals_user_idx').on(t.userId, t.createdAt),
    index('appeals_company_idx').on(t.companyId, t.createdAt),
    index('appeals_queue_idx').on(t.status, t.dueOn),
    check('appeals_number_format', sql`${t.number} ~ '^О-[0-9]{4}-[0-9]{6,}$'`),
    check('appeals_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('appeals_rating_when_closed', sql`${t.rating} is null or ${t.status} = 'closed'`),
    check(
      'appeals_appellant',
      sql`(${t.userId} is not null and ${t.guestEmail} is null) or (${t.userId} is null and ${t.guestEmail} is not null and ${t.guestName} is not null and ${t.accountId} is null and ${t.companyId} is null)`,
    ),
    check('appeals_guest_email_format', sql`${t.guestEmail} is null or ${t.guestEmail} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check(
      'appeals_awaiting_is_guest',
      sql`${t.status} <> 'awaiting_email_confirmation' or (${t.userId} is null and ${t.openedAt} is null and ${t.dueOn} is null)`,
    ),
    check(
      'appeals_open_has_deadline',
      sql`${t.status} = 'awaiting_email_confirmation' or (${t.openedAt} is not null and ${t.dueOn} is not null)`,
    ),
    check('appeals_closed_at', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/** The thread: the appellant's words, staff answers, and staff's internal notes (never shown to the appellant). */
export const appealMessages = pgTable(
  'appeal_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    author: appealAuthor('author').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    internal: boolean('internal').notNull().default(false),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('appeal_messages_appeal_idx').on(t.appealId, t.createdAt),
    check('appeal_messages_internal_is_staff', sql`not ${t.internal} or ${t.author} = 'staff'`),
    check('appeal_messages_body', sql`length(${t.body}) between 1 and 10000`),
  ],
);

export const appealAttachments = pgTable(
  'appeal_attachments',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => appealMessages.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] }), uniqueIndex('appeal_attachments_file_key').on(t.fileId)],
);

/** Working days to answer, per topic, as staff set them; a topic without a row uses lib/support's default. */
export const appealTopicDeadlines = pgTable(
  'appeal_topic_deadlines',
  {
    topic: appealTopic('topic').primaryKey(),
    workingDays: smallint('working_days').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [check('appeal_topic_deadlines_range', sql`${t.workingDays} between 1 and 30`)],
);

/** Answer templates staff pick from when they reply. */
export const appealTemplates = pgTable(
  'appeal_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('appeal_templates_title_key').on(t.title)],
);

export type Appeal = typeof appeals.$inferSelect;
