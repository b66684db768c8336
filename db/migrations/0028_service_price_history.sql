CREATE TABLE "service_bank_payments" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"order_number" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_catalog_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"price_kopecks" bigint NOT NULL,
	"price_is_from" boolean NOT NULL,
	"effective_from" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_catalog_prices_positive" CHECK ("service_catalog_prices"."price_kopecks" > 0),
	CONSTRAINT "service_catalog_prices_not_past" CHECK ("service_catalog_prices"."effective_from" >= ("service_catalog_prices"."created_at" at time zone 'Europe/Moscow')::date)
);
--> statement-breakpoint
ALTER TABLE "service_bank_payments" ADD CONSTRAINT "service_bank_payments_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bank_payments" ADD CONSTRAINT "service_bank_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bank_payments" ADD CONSTRAINT "service_bank_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_catalog_prices" ADD CONSTRAINT "service_catalog_prices_service_id_service_catalog_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_catalog"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_catalog_prices" ADD CONSTRAINT "service_catalog_prices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_bank_payments_payment_key" ON "service_bank_payments" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_catalog_prices_service_from_key" ON "service_catalog_prices" USING btree ("service_id","effective_from");