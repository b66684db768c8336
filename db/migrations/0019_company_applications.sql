CREATE TYPE "public"."company_application_status" AS ENUM('submitted', 'in_review', 'documents_requested', 'contract_offered', 'signed', 'refused');--> statement-breakpoint
CREATE TABLE "company_application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"status" "company_application_status" NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_application_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"item" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "company_applications_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1001 CACHE 1),
	"company_id" uuid NOT NULL,
	"submitted_by" uuid,
	"company_name" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text,
	"ogrn" text,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"object_address" text NOT NULL,
	"max_power_kw" numeric(10, 2) NOT NULL,
	"reliability_category" smallint NOT NULL,
	"comment" text,
	"status" "company_application_status" DEFAULT 'submitted' NOT NULL,
	"staff_message" text,
	"offer_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_applications_power" CHECK ("company_applications"."max_power_kw" > 0),
	CONSTRAINT "company_applications_reliability" CHECK ("company_applications"."reliability_category" in (1, 2, 3)),
	CONSTRAINT "company_applications_inn_format" CHECK ("company_applications"."inn" ~ '^([0-9]{10}|[0-9]{12})$'),
	CONSTRAINT "company_applications_offer" CHECK ("company_applications"."status" not in ('contract_offered', 'signed') or "company_applications"."offer_file_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "company_application_events" ADD CONSTRAINT "company_application_events_application_id_company_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."company_applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_application_events" ADD CONSTRAINT "company_application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_application_files" ADD CONSTRAINT "company_application_files_application_id_company_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."company_applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_application_files" ADD CONSTRAINT "company_application_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_application_files" ADD CONSTRAINT "company_application_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_applications" ADD CONSTRAINT "company_applications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_applications" ADD CONSTRAINT "company_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_applications" ADD CONSTRAINT "company_applications_offer_file_id_stored_files_id_fk" FOREIGN KEY ("offer_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_application_events_application_idx" ON "company_application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "company_application_files_file_key" ON "company_application_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "company_application_files_application_idx" ON "company_application_files" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "company_applications_number_key" ON "company_applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "company_applications_queue_idx" ON "company_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "company_applications_company_idx" ON "company_applications" USING btree ("company_id","created_at");