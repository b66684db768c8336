CREATE TYPE "public"."penalty_relief_kind" AS ENUM('moratorium', 'rate_cap');--> statement-breakpoint
CREATE TABLE "key_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_rates_rate_range" CHECK ("key_rates"."rate_basis_points" > 0 and "key_rates"."rate_basis_points" <= 10000)
);
--> statement-breakpoint
CREATE TABLE "penalty_days" (
	"debt_bill_id" uuid NOT NULL,
	"day" date NOT NULL,
	"penalty_bill_id" uuid NOT NULL,
	"base_kopecks" bigint NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"divisor" smallint NOT NULL,
	CONSTRAINT "penalty_days_debt_bill_id_day_pk" PRIMARY KEY("debt_bill_id","day"),
	CONSTRAINT "penalty_days_base_positive" CHECK ("penalty_days"."base_kopecks" > 0),
	CONSTRAINT "penalty_days_divisor" CHECK ("penalty_days"."divisor" in (300, 130)),
	CONSTRAINT "penalty_days_rate_positive" CHECK ("penalty_days"."rate_basis_points" > 0)
);
--> statement-breakpoint
CREATE TABLE "penalty_relief_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "penalty_relief_kind" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"cap_basis_points" integer,
	"basis" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "penalty_relief_periods_order" CHECK ("penalty_relief_periods"."ends_on" >= "penalty_relief_periods"."starts_on"),
	CONSTRAINT "penalty_relief_periods_cap" CHECK (("penalty_relief_periods"."kind" = 'rate_cap') = ("penalty_relief_periods"."cap_basis_points" is not null) and ("penalty_relief_periods"."cap_basis_points" is null or "penalty_relief_periods"."cap_basis_points" > 0))
);
--> statement-breakpoint
ALTER TABLE "key_rates" ADD CONSTRAINT "key_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_days" ADD CONSTRAINT "penalty_days_debt_bill_id_bills_id_fk" FOREIGN KEY ("debt_bill_id") REFERENCES "public"."bills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_days" ADD CONSTRAINT "penalty_days_penalty_bill_id_bills_id_fk" FOREIGN KEY ("penalty_bill_id") REFERENCES "public"."bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_relief_periods" ADD CONSTRAINT "penalty_relief_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "key_rates_effective_from_key" ON "key_rates" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "penalty_days_penalty_bill_idx" ON "penalty_days" USING btree ("penalty_bill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_penalty_per_bill" ON "ledger_entries" USING btree ("bill_id") WHERE "ledger_entries"."kind" = 'penalty';