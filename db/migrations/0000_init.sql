CREATE TYPE "public"."account_kind" AS ENUM('household', 'company');--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."bill_line_kind" AS ENUM('consumption', 'recalculation', 'penalty', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."billing_run_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."contract_application_status" AS ENUM('submitted', 'in_review', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."document_category" AS ENUM('normative', 'contracts', 'subscribers', 'payments');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('charge', 'payment', 'refund', 'adjustment', 'penalty');--> statement-breakpoint
CREATE TYPE "public"."meter_status" AS ENUM('pending_confirmation', 'active', 'removed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."outage_kind" AS ENUM('planned', 'emergency');--> statement-breakpoint
CREATE TYPE "public"."payment_purpose" AS ENUM('electricity', 'services');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('pending', 'paid', 'failed', 'cancelled', 'refunded', 'partially_refunded');--> statement-breakpoint
CREATE TYPE "public"."reading_source" AS ENUM('subscriber', 'staff', 'initial', 'import');--> statement-breakpoint
CREATE TYPE "public"."reading_status" AS ENUM('accepted', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('requested', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."service_request_status" AS ENUM('new', 'accepted', 'scheduled', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."tariff_category" AS ENUM('urban', 'rural_or_stove');--> statement-breakpoint
CREATE TYPE "public"."tariff_zone" AS ENUM('all_day', 'day', 'night', 'peak', 'half_peak');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('email_confirm', 'password_reset', 'email_change');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('subscriber', 'company_user', 'staff', 'admin');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('email_unconfirmed', 'awaiting_approval', 'active', 'rejected', 'blocked');--> statement-breakpoint
CREATE TYPE "public"."volume_method" AS ENUM('reading', 'average', 'norm', 'recalculation');--> statement-breakpoint
CREATE TABLE "account_benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"category" text NOT NULL,
	"basis" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_benefits_period" CHECK ("account_benefits"."valid_to" is null or "account_benefits"."valid_to" >= "account_benefits"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "account_users" (
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"is_owner" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_users_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"kind" "account_kind" NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"holder_name" text NOT NULL,
	"company_id" uuid,
	"settlement" text NOT NULL,
	"street" text NOT NULL,
	"house" text NOT NULL,
	"flat" text,
	"postcode" text,
	"phone" text,
	"tariff_category" "tariff_category" DEFAULT 'urban' NOT NULL,
	"residents" smallint DEFAULT 1 NOT NULL,
	"norm_kwh_per_resident" integer DEFAULT 100 NOT NULL,
	"contract_number" text NOT NULL,
	"contract_start" date NOT NULL,
	"contract_end" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_number_format" CHECK ("accounts"."number" ~ '^[0-9]{6,12}$'),
	CONSTRAINT "accounts_company_kind" CHECK (("accounts"."kind" = 'company') = ("accounts"."company_id" is not null)),
	CONSTRAINT "accounts_residents" CHECK ("accounts"."residents" >= 0),
	CONSTRAINT "accounts_norm" CHECK ("accounts"."norm_kwh_per_resident" >= 0),
	CONSTRAINT "accounts_contract_term" CHECK ("accounts"."contract_end" is null or "accounts"."contract_end" >= "accounts"."contract_start")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"ip" "inet",
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "bill_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bill_id" uuid NOT NULL,
	"kind" "bill_line_kind" NOT NULL,
	"meter_id" uuid,
	"zone" "tariff_zone",
	"method" "volume_method",
	"for_period" date,
	"kwh" bigint,
	"tariff_id" uuid,
	"price_kopecks" integer,
	"amount_kopecks" bigint NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" date NOT NULL,
	"status" "billing_run_status" DEFAULT 'running' NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"accounts_total" integer,
	"bills_created" integer,
	"error" text,
	CONSTRAINT "billing_runs_period_first_day" CHECK (extract(day from "billing_runs"."period") = 1)
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"period" date NOT NULL,
	"receipt_number" text NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"due_date" date NOT NULL,
	"billing_run_id" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bills_period_first_day" CHECK (extract(day from "bills"."period") = 1),
	CONSTRAINT "bills_due_after_period" CHECK ("bills"."due_date" > "bills"."period")
);
--> statement-breakpoint
CREATE TABLE "card_bindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "payment_purpose" NOT NULL,
	"gateway" text NOT NULL,
	"token" text NOT NULL,
	"card_mask" text NOT NULL,
	"parent_payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text,
	"ogrn" text,
	"legal_address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_inn_format" CHECK ("companies"."inn" ~ '^([0-9]{10}|[0-9]{12})$')
);
--> statement-breakpoint
CREATE TABLE "consumption_volumes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meter_id" uuid NOT NULL,
	"period" date NOT NULL,
	"zone" "tariff_zone" NOT NULL,
	"kwh" bigint NOT NULL,
	"method" "volume_method" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumption_volumes_kwh" CHECK ("consumption_volumes"."kwh" >= 0),
	CONSTRAINT "consumption_volumes_period_first_day" CHECK (extract(day from "consumption_volumes"."period") = 1)
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department" text NOT NULL,
	"phone" text,
	"email" text,
	"hours" text,
	"note" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid,
	"submitted_by" uuid,
	"company_name" text NOT NULL,
	"inn" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"object_address" text NOT NULL,
	"max_power_kw" numeric(10, 2) NOT NULL,
	"comment" text,
	"status" "contract_application_status" DEFAULT 'submitted' NOT NULL,
	"staff_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_applications_power" CHECK ("contract_applications"."max_power_kw" > 0),
	CONSTRAINT "contract_applications_inn_format" CHECK ("contract_applications"."inn" ~ '^([0-9]{10}|[0-9]{12})$')
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"category" "document_category" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text,
	"external_url" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "documents_has_content" CHECK ("documents"."body" is not null or "documents"."external_url" is not null),
	CONSTRAINT "documents_slug_format" CHECK ("documents"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"template" text NOT NULL,
	"dedupe_key" text,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"bill_id" uuid,
	"payment_id" uuid,
	"refund_id" uuid,
	"description" text NOT NULL,
	"created_by" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_nonzero" CHECK ("ledger_entries"."amount_kopecks" <> 0),
	CONSTRAINT "ledger_entries_sign" CHECK (("ledger_entries"."kind" in ('charge', 'penalty', 'refund') and "ledger_entries"."amount_kopecks" > 0) or ("ledger_entries"."kind" = 'payment' and "ledger_entries"."amount_kopecks" < 0) or "ledger_entries"."kind" = 'adjustment'),
	CONSTRAINT "ledger_entries_cause" CHECK (("ledger_entries"."kind" <> 'charge' or "ledger_entries"."bill_id" is not null) and ("ledger_entries"."kind" <> 'payment' or "ledger_entries"."payment_id" is not null) and ("ledger_entries"."kind" <> 'refund' or "ledger_entries"."refund_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "meters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"serial_number" text NOT NULL,
	"model" text,
	"zone_plan" smallint NOT NULL,
	"status" "meter_status" DEFAULT 'pending_confirmation' NOT NULL,
	"installed_at" date NOT NULL,
	"verification_due" date,
	"removed_at" date,
	"replaces_meter_id" uuid,
	"nameplate_photo" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meters_zone_plan" CHECK ("meters"."zone_plan" in (1, 2, 3)),
	CONSTRAINT "meters_removed_after_install" CHECK ("meters"."removed_at" is null or "meters"."removed_at" >= "meters"."installed_at")
);
--> statement-breakpoint
CREATE TABLE "news" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_slug_format" CHECK ("news"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "one_time_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"payload" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "outage_kind" NOT NULL,
	"settlement" text NOT NULL,
	"streets" text NOT NULL,
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outages_period" CHECK ("outages"."ends_at" is null or "outages"."ends_at" > "outages"."starts_at"),
	CONSTRAINT "outages_planned_end" CHECK ("outages"."kind" <> 'planned' or "outages"."ends_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inv_id" integer GENERATED ALWAYS AS IDENTITY (sequence name "payments_inv_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 100001 CACHE 1),
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"purpose" "payment_purpose" DEFAULT 'electricity' NOT NULL,
	"service_request_id" uuid,
	"bill_id" uuid,
	"amount_kopecks" bigint NOT NULL,
	"status" "payment_status" DEFAULT 'pending' NOT NULL,
	"gateway" text NOT NULL,
	"description" text NOT NULL,
	"receipt_email" text,
	"requests_binding" boolean DEFAULT false NOT NULL,
	"card_binding_id" uuid,
	"gateway_reference" text,
	"fee_kopecks" bigint,
	"payment_method" text,
	"card_mask" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_kopecks" > 0),
	CONSTRAINT "payments_paid_at" CHECK (("payments"."status" in ('paid', 'refunded', 'partially_refunded')) = ("payments"."paid_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meter_id" uuid NOT NULL,
	"period" date NOT NULL,
	"zone" "tariff_zone" NOT NULL,
	"value" bigint NOT NULL,
	"source" "reading_source" NOT NULL,
	"status" "reading_status" DEFAULT 'accepted' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readings_value_non_negative" CHECK ("readings"."value" >= 0),
	CONSTRAINT "readings_period_first_day" CHECK (extract(day from "readings"."period") = 1)
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"status" "refund_status" DEFAULT 'requested' NOT NULL,
	"reason" text NOT NULL,
	"gateway_reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_catalog" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"unit" text NOT NULL,
	"price_kopecks" bigint NOT NULL,
	"price_is_from" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_catalog_price" CHECK ("service_catalog"."price_kopecks" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "service_requests_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1001 CACHE 1),
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"address" text NOT NULL,
	"comment" text,
	"contact_phone" text NOT NULL,
	"preferred_date" date,
	"scheduled_at" timestamp with time zone,
	"status" "service_request_status" DEFAULT 'new' NOT NULL,
	"price_kopecks" bigint,
	"staff_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_requests_quantity" CHECK ("service_requests"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" "tariff_category" NOT NULL,
	"zone_plan" smallint NOT NULL,
	"zone" "tariff_zone" NOT NULL,
	"range_from_kwh" integer DEFAULT 0 NOT NULL,
	"range_to_kwh" integer,
	"price_kopecks" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"decree" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariffs_zone_plan" CHECK ("tariffs"."zone_plan" in (1, 2, 3)),
	CONSTRAINT "tariffs_zone_matches_plan" CHECK (("tariffs"."zone_plan" = 1 and "tariffs"."zone" = 'all_day') or ("tariffs"."zone_plan" = 2 and "tariffs"."zone" in ('day', 'night')) or ("tariffs"."zone_plan" = 3 and "tariffs"."zone" in ('peak', 'half_peak', 'night'))),
	CONSTRAINT "tariffs_price_positive" CHECK ("tariffs"."price_kopecks" > 0),
	CONSTRAINT "tariffs_range" CHECK ("tariffs"."range_from_kwh" >= 0 and ("tariffs"."range_to_kwh" is null or "tariffs"."range_to_kwh" > "tariffs"."range_from_kwh")),
	CONSTRAINT "tariffs_period" CHECK ("tariffs"."effective_to" is null or "tariffs"."effective_to" >= "tariffs"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" text NOT NULL,
	"phone" text,
	"role" "user_role" DEFAULT 'subscriber' NOT NULL,
	"status" "user_status" DEFAULT 'email_unconfirmed' NOT NULL,
	"company_id" uuid,
	"session_version" integer DEFAULT 1 NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"pending_email" text,
	"registration_address" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"rejection_reason" text,
	"consent_version" text,
	"consent_at" timestamp with time zone,
	"notify_reading_reminders" boolean DEFAULT true NOT NULL,
	"notify_new_bill" boolean DEFAULT true NOT NULL,
	"notify_payment_received" boolean DEFAULT true NOT NULL,
	"notify_outages" boolean DEFAULT true NOT NULL,
	"notify_service_requests" boolean DEFAULT true NOT NULL,
	"news_subscription" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_format" CHECK ("users"."email" ~ '^[^@\s]+@[^@\s]+$'),
	CONSTRAINT "users_company_role" CHECK (("users"."role" = 'company_user') = ("users"."company_id" is not null)),
	CONSTRAINT "users_session_version_positive" CHECK ("users"."session_version" > 0)
);
--> statement-breakpoint
CREATE TABLE "utility_profile" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"full_name" text NOT NULL,
	"short_name" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text NOT NULL,
	"ogrn" text NOT NULL,
	"legal_address" text NOT NULL,
	"email" text NOT NULL,
	"website" text,
	"main_phone" text NOT NULL,
	"emergency_phone" text NOT NULL,
	"working_hours" text,
	"bank_name" text NOT NULL,
	"bik" text NOT NULL,
	"correspondent_account" text NOT NULL,
	"settlement_account" text NOT NULL,
	"reading_window_start_day" smallint DEFAULT 15 NOT NULL,
	"reading_window_end_day" smallint DEFAULT 25 NOT NULL,
	"payment_due_day" smallint DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "utility_profile_single_row" CHECK ("utility_profile"."id" = 1),
	CONSTRAINT "utility_profile_reading_window" CHECK ("utility_profile"."reading_window_start_day" between 1 and 28 and "utility_profile"."reading_window_end_day" between "utility_profile"."reading_window_start_day" and 28),
	CONSTRAINT "utility_profile_due_day" CHECK ("utility_profile"."payment_due_day" between 1 and 28),
	CONSTRAINT "utility_profile_bik" CHECK ("utility_profile"."bik" ~ '^[0-9]{9}$'),
	CONSTRAINT "utility_profile_accounts" CHECK ("utility_profile"."settlement_account" ~ '^[0-9]{20}$' and "utility_profile"."correspondent_account" ~ '^[0-9]{20}$')
);
--> statement-breakpoint
ALTER TABLE "account_benefits" ADD CONSTRAINT "account_benefits_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_users" ADD CONSTRAINT "account_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_users" ADD CONSTRAINT "account_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_billing_run_id_billing_runs_id_fk" FOREIGN KEY ("billing_run_id") REFERENCES "public"."billing_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_bindings" ADD CONSTRAINT "card_bindings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_bindings" ADD CONSTRAINT "card_bindings_parent_payment_id_payments_id_fk" FOREIGN KEY ("parent_payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_volumes" ADD CONSTRAINT "consumption_volumes_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_applications" ADD CONSTRAINT "contract_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_applications" ADD CONSTRAINT "contract_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_replaces_meter_id_meters_id_fk" FOREIGN KEY ("replaces_meter_id") REFERENCES "public"."meters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_service_request_id_service_requests_id_fk" FOREIGN KEY ("service_request_id") REFERENCES "public"."service_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_card_binding_id_card_bindings_id_fk" FOREIGN KEY ("card_binding_id") REFERENCES "public"."card_bindings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_service_id_service_catalog_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_catalog"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_benefits_account_idx" ON "account_benefits" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_users_one_owner" ON "account_users" USING btree ("account_id") WHERE "account_users"."is_owner";--> statement-breakpoint
CREATE INDEX "account_users_user_idx" ON "account_users" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_number_key" ON "accounts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "accounts_company_idx" ON "accounts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "bill_lines_bill_idx" ON "bill_lines" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "billing_runs_period_idx" ON "billing_runs" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_runs_one_running" ON "billing_runs" USING btree ("period") WHERE "billing_runs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "bills_account_period_key" ON "bills" USING btree ("account_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_receipt_number_key" ON "bills" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "card_bindings_user_idx" ON "card_bindings" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "card_bindings_parent_payment_key" ON "card_bindings" USING btree ("parent_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_inn_key" ON "companies" USING btree ("inn");--> statement-breakpoint
CREATE UNIQUE INDEX "consumption_volumes_key" ON "consumption_volumes" USING btree ("meter_id","period","zone");--> statement-breakpoint
CREATE INDEX "contract_applications_status_idx" ON "contract_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_slug_key" ON "documents" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_dedupe_key" ON "email_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to_address","created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","posted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_charge_per_bill" ON "ledger_entries" USING btree ("bill_id") WHERE "ledger_entries"."kind" = 'charge';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_credit_per_payment" ON "ledger_entries" USING btree ("payment_id") WHERE "ledger_entries"."kind" = 'payment';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_per_refund" ON "ledger_entries" USING btree ("refund_id") WHERE "ledger_entries"."kind" = 'refund';--> statement-breakpoint
CREATE UNIQUE INDEX "meters_account_serial_key" ON "meters" USING btree ("account_id","serial_number");--> statement-breakpoint
CREATE INDEX "meters_account_idx" ON "meters" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "news_slug_key" ON "news" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_published_idx" ON "news" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "one_time_tokens_hash_key" ON "one_time_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "one_time_tokens_user_idx" ON "one_time_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "outages_starts_idx" ON "outages" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_inv_id_key" ON "payments" USING btree ("inv_id");--> statement-breakpoint
CREATE INDEX "payments_account_idx" ON "payments" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "readings_one_accepted" ON "readings" USING btree ("meter_id","period","zone") WHERE "readings"."status" = 'accepted';--> statement-breakpoint
CREATE INDEX "readings_meter_period_idx" ON "readings" USING btree ("meter_id","period");--> statement-breakpoint
CREATE INDEX "readings_period_idx" ON "readings" USING btree ("period");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_catalog_code_key" ON "service_catalog" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_number_key" ON "service_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "service_requests_user_idx" ON "service_requests" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_status_idx" ON "service_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_key" ON "tariffs" USING btree ("category","zone_plan","zone","range_from_kwh","effective_from");--> statement-breakpoint
CREATE INDEX "tariffs_effective_idx" ON "tariffs" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_status_idx" ON "users" USING btree ("status","created_at");