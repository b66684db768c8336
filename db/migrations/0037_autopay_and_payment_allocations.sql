CREATE TYPE "public"."autopay_charge_status" AS ENUM('noticed', 'charging', 'charged', 'failed', 'skipped', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."autopay_mode" AS ENUM('full_bill', 'fixed');--> statement-breakpoint
ALTER TYPE "public"."notification_event" ADD VALUE 'autopay';--> statement-breakpoint
CREATE TABLE "autopay_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"user_id" uuid,
	"status" "autopay_charge_status" DEFAULT 'noticed' NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"charge_after" timestamp with time zone NOT NULL,
	"charged_at" timestamp with time zone,
	"payment_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autopay_charges_amount" CHECK ("autopay_charges"."amount_kopecks" >= 0),
	CONSTRAINT "autopay_charges_charged_at" CHECK (("autopay_charges"."status" in ('charging', 'charged', 'failed')) = ("autopay_charges"."charged_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "autopay_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"card_binding_id" uuid NOT NULL,
	"mode" "autopay_mode" NOT NULL,
	"fixed_amount_kopecks" bigint,
	"monthly_cap_kopecks" bigint NOT NULL,
	"notice_hours" smallint NOT NULL,
	"enabled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autopay_settings_fixed_amount" CHECK (("autopay_settings"."mode" = 'fixed') = ("autopay_settings"."fixed_amount_kopecks" is not null)),
	CONSTRAINT "autopay_settings_fixed_positive" CHECK ("autopay_settings"."fixed_amount_kopecks" is null or "autopay_settings"."fixed_amount_kopecks" > 0),
	CONSTRAINT "autopay_settings_cap_positive" CHECK ("autopay_settings"."monthly_cap_kopecks" > 0),
	CONSTRAINT "autopay_settings_notice_hours" CHECK ("autopay_settings"."notice_hours" between 1 and 240)
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"payment_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	CONSTRAINT "payment_allocations_payment_id_account_id_pk" PRIMARY KEY("payment_id","account_id"),
	CONSTRAINT "payment_allocations_amount_positive" CHECK ("payment_allocations"."amount_kopecks" > 0)
);
--> statement-breakpoint
DROP INDEX "ledger_entries_one_credit_per_payment";--> statement-breakpoint
ALTER TABLE "autopay_charges" ADD CONSTRAINT "autopay_charges_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_charges" ADD CONSTRAINT "autopay_charges_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_charges" ADD CONSTRAINT "autopay_charges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_charges" ADD CONSTRAINT "autopay_charges_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_settings" ADD CONSTRAINT "autopay_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_settings" ADD CONSTRAINT "autopay_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_settings" ADD CONSTRAINT "autopay_settings_card_binding_id_card_bindings_id_fk" FOREIGN KEY ("card_binding_id") REFERENCES "public"."card_bindings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "autopay_charges_account_bill_key" ON "autopay_charges" USING btree ("account_id","bill_id");--> statement-breakpoint
CREATE INDEX "autopay_charges_due_idx" ON "autopay_charges" USING btree ("status","charge_after");--> statement-breakpoint
CREATE INDEX "autopay_charges_account_idx" ON "autopay_charges" USING btree ("account_id","charged_at");--> statement-breakpoint
CREATE INDEX "autopay_settings_user_idx" ON "autopay_settings" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "autopay_settings_binding_idx" ON "autopay_settings" USING btree ("card_binding_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_account_idx" ON "payment_allocations" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_credit_per_payment" ON "ledger_entries" USING btree ("payment_id","account_id") WHERE "ledger_entries"."kind" = 'payment';