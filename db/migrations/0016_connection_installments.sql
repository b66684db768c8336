ALTER TABLE "connection_applications" ADD COLUMN "installments" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "connection_payments" ADD COLUMN "part" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "connection_payments" ADD COLUMN "credited_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "connection_payments_one_credit_per_part" ON "connection_payments" USING btree ("application_id","part") WHERE "connection_payments"."credited_at" is not null;--> statement-breakpoint
ALTER TABLE "connection_payments" ADD CONSTRAINT "connection_payments_part" CHECK ("connection_payments"."part" between 1 and 4);