CREATE TYPE "public"."connection_status" AS ENUM('submitted', 'data_requested', 'offer_posted', 'contracted', 'works_done', 'act_posted', 'done', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."payment_purpose" ADD VALUE 'connection';--> statement-breakpoint
CREATE TABLE "connection_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "connection_applications_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 5001 CACHE 1),
	"user_id" uuid NOT NULL,
	"company_id" uuid,
	"account_id" uuid NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"registry_record" text,
	"passport" text,
	"snils" text,
	"applicant_address" text NOT NULL,
	"reason" text NOT NULL,
	"object_name" text NOT NULL,
	"object_address" text NOT NULL,
	"cadastral_number" text NOT NULL,
	"max_power_w" integer NOT NULL,
	"existing_power_w" integer DEFAULT 0 NOT NULL,
	"reliability_category" smallint NOT NULL,
	"voltage" text NOT NULL,
	"load_character" text NOT NULL,
	"planned_design_by" date,
	"planned_commissioning_by" date,
	"contact_phone" text NOT NULL,
	"installments" boolean DEFAULT false NOT NULL,
	"status" "connection_status" DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"data_requested_at" timestamp with time zone,
	"data_request_note" text,
	"rate_category" text,
	"rate_kopecks_per_kw" bigint,
	"price_kopecks" bigint,
	"offer_posted_at" timestamp with time zone,
	"pay_by" date,
	"connection_point" text,
	"grid_works" text,
	"applicant_works" text,
	"tu_valid_years" smallint,
	"offer_file_id" uuid,
	"tu_file_id" uuid,
	"contracted_at" timestamp with time zone,
	"paid_payment_id" uuid,
	"works_due" date,
	"works_done_at" timestamp with time zone,
	"act_posted_at" timestamp with time zone,
	"act_file_id" uuid,
	"done_at" timestamp with time zone,
	"cancelled_by" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connection_applications_kind" CHECK ("connection_applications"."applicant_kind" in ('person', 'business')),
	CONSTRAINT "connection_applications_reason" CHECK ("connection_applications"."reason" in ('new', 'increase')),
	CONSTRAINT "connection_applications_power" CHECK ("connection_applications"."max_power_w" > 0 and "connection_applications"."max_power_w" <= 150000 and "connection_applications"."existing_power_w" >= 0 and "connection_applications"."existing_power_w" < "connection_applications"."max_power_w"),
	CONSTRAINT "connection_applications_category" CHECK ("connection_applications"."reliability_category" in (2, 3)),
	CONSTRAINT "connection_applications_voltage" CHECK ("connection_applications"."voltage" in ('0.23', '0.4', '6', '10')),
	CONSTRAINT "connection_applications_price" CHECK ("connection_applications"."price_kopecks" is null or "connection_applications"."price_kopecks" > 0),
	CONSTRAINT "connection_applications_offer" CHECK ("connection_applications"."status" in ('submitted', 'data_requested', 'cancelled') or ("connection_applications"."price_kopecks" is not null and "connection_applications"."offer_posted_at" is not null and "connection_applications"."pay_by" is not null and "connection_applications"."offer_file_id" is not null and "connection_applications"."tu_file_id" is not null)),
	CONSTRAINT "connection_applications_paid" CHECK ("connection_applications"."status" not in ('contracted', 'works_done', 'act_posted', 'done') or ("connection_applications"."paid_payment_id" is not null and "connection_applications"."contracted_at" is not null and "connection_applications"."works_due" is not null)),
	CONSTRAINT "connection_applications_act" CHECK ("connection_applications"."status" not in ('act_posted', 'done') or ("connection_applications"."act_file_id" is not null and "connection_applications"."act_posted_at" is not null)),
	CONSTRAINT "connection_applications_done" CHECK (("connection_applications"."status" = 'done') = ("connection_applications"."done_at" is not null)),
	CONSTRAINT "connection_applications_cancelled" CHECK (("connection_applications"."status" = 'cancelled') = ("connection_applications"."cancelled_by" is not null) and ("connection_applications"."cancelled_by" is null or "connection_applications"."cancelled_by" in ('applicant', 'staff', 'system')))
);
--> statement-breakpoint
CREATE TABLE "connection_documents" (
	"application_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connection_documents_application_id_file_id_pk" PRIMARY KEY("application_id","file_id"),
	CONSTRAINT "connection_documents_kind" CHECK ("connection_documents"."kind" in ('application_scan', 'identity', 'site_plan', 'title_deed', 'power_of_attorney', 'registry_extract', 'other'))
);
--> statement-breakpoint
CREATE TABLE "connection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"document_sha256" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connection_payments" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"part" smallint DEFAULT 1 NOT NULL,
	"credited_at" timestamp with time zone,
	CONSTRAINT "connection_payments_part" CHECK ("connection_payments"."part" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "connection_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"kopecks_per_kw" bigint NOT NULL,
	"effective_from" date NOT NULL,
	"basis" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connection_rates_category" CHECK ("connection_rates"."category" in ('household_preferential', 'standard')),
	CONSTRAINT "connection_rates_positive" CHECK ("connection_rates"."kopecks_per_kw" > 0)
);
--> statement-breakpoint
CREATE TABLE "work_calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connection_applications" ADD CONSTRAINT "connection_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_applications" ADD CONSTRAINT "connection_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_applications" ADD CONSTRAINT "connection_applications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_applications" ADD CONSTRAINT "connection_applications_offer_file_id_stored_files_id_fk" FOREIGN KEY ("offer_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_applications" ADD CONSTRAINT "connection_applications_tu_file_id_stored_files_id_fk" FOREIGN KEY ("tu_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_applications" ADD CONSTRAINT "connection_applications_paid_payment_id_payments_id_fk" FOREIGN KEY ("paid_payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_applications" ADD CONSTRAINT "connection_applications_act_file_id_stored_files_id_fk" FOREIGN KEY ("act_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_documents" ADD CONSTRAINT "connection_documents_application_id_connection_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."connection_applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_documents" ADD CONSTRAINT "connection_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_application_id_connection_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."connection_applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_payments" ADD CONSTRAINT "connection_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_payments" ADD CONSTRAINT "connection_payments_application_id_connection_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."connection_applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_rates" ADD CONSTRAINT "connection_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connection_applications_number_key" ON "connection_applications" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "connection_applications_paid_payment_key" ON "connection_applications" USING btree ("paid_payment_id");--> statement-breakpoint
CREATE INDEX "connection_applications_user_idx" ON "connection_applications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "connection_applications_company_idx" ON "connection_applications" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "connection_applications_status_idx" ON "connection_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "connection_events_application_idx" ON "connection_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "connection_payments_one_credit_per_part" ON "connection_payments" USING btree ("application_id","part") WHERE "connection_payments"."credited_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "connection_rates_category_from_key" ON "connection_rates" USING btree ("category","effective_from");