CREATE TYPE "public"."document_audience" AS ENUM('households', 'companies', 'both');--> statement-breakpoint
CREATE TABLE "outage_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outage_id" uuid NOT NULL,
	"street" text NOT NULL,
	"houses" text
);
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_has_content";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "file_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "version" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "audience" "document_audience" DEFAULT 'both' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outage_addresses" ADD CONSTRAINT "outage_addresses_outage_id_outages_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outage_addresses_outage_idx" ON "outage_addresses" USING btree ("outage_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outage_addresses_street_key" ON "outage_addresses" USING btree ("outage_id","street");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id","at");--> statement-breakpoint
CREATE INDEX "bill_lines_tariff_idx" ON "bill_lines" USING btree ("tariff_id");--> statement-breakpoint
CREATE INDEX "outages_settlement_idx" ON "outages" USING btree ("settlement");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_has_content" CHECK ("documents"."body" is not null or "documents"."external_url" is not null or "documents"."file_id" is not null);