CREATE TYPE "public"."adjustment_status" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TABLE "account_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "adjustment_status" DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"ledger_entry_id" bigint,
	CONSTRAINT "account_adjustments_nonzero" CHECK ("account_adjustments"."amount_kopecks" <> 0),
	CONSTRAINT "account_adjustments_reason" CHECK (length(btrim("account_adjustments"."reason")) >= 5),
	CONSTRAINT "account_adjustments_second_person" CHECK ("account_adjustments"."decided_by" is null or "account_adjustments"."decided_by" <> "account_adjustments"."requested_by"),
	CONSTRAINT "account_adjustments_posted" CHECK (("account_adjustments"."status" = 'approved') = ("account_adjustments"."ledger_entry_id" is not null)),
	CONSTRAINT "account_adjustments_decided" CHECK (("account_adjustments"."status" = 'pending') = ("account_adjustments"."decided_at" is null) and ("account_adjustments"."status" <> 'declined' or "account_adjustments"."decided_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "account_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_notes_body" CHECK (length(btrim("account_notes"."body")) between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "account_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"residents" smallint NOT NULL,
	"owners" smallint NOT NULL,
	"tariff_category" "tariff_category" NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_terms_first_day" CHECK (extract(day from "account_terms"."effective_from") = 1),
	CONSTRAINT "account_terms_residents" CHECK ("account_terms"."residents" >= 0),
	CONSTRAINT "account_terms_owners" CHECK ("account_terms"."owners" >= 0)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "account_adjustments" ADD CONSTRAINT "account_adjustments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_adjustments" ADD CONSTRAINT "account_adjustments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_adjustments" ADD CONSTRAINT "account_adjustments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_adjustments" ADD CONSTRAINT "account_adjustments_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_notes" ADD CONSTRAINT "account_notes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_notes" ADD CONSTRAINT "account_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_terms" ADD CONSTRAINT "account_terms_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_terms" ADD CONSTRAINT "account_terms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_adjustments_account_idx" ON "account_adjustments" USING btree ("account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "account_adjustments_ledger_entry_key" ON "account_adjustments" USING btree ("ledger_entry_id");--> statement-breakpoint
CREATE INDEX "account_notes_account_idx" ON "account_notes" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "account_terms_account_month_key" ON "account_terms" USING btree ("account_id","effective_from");