CREATE TABLE "service_request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_request_photos" (
	"request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_request_photos_request_id_file_id_pk" PRIMARY KEY("request_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "service_requests" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "service_requests" ALTER COLUMN "status" SET DEFAULT 'new'::text;--> statement-breakpoint
DROP TYPE "public"."service_request_status";--> statement-breakpoint
CREATE TYPE "public"."service_request_status" AS ENUM('new', 'price_confirmed', 'paid', 'scheduled', 'done', 'cancelled');--> statement-breakpoint
ALTER TABLE "service_requests" ALTER COLUMN "status" SET DEFAULT 'new'::"public"."service_request_status";--> statement-breakpoint
ALTER TABLE "service_requests" ALTER COLUMN "status" SET DATA TYPE "public"."service_request_status" USING "status"::"public"."service_request_status";--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "preferred_window" text DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "crew" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "price_reason" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "price_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "paid_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "service_request_events" ADD CONSTRAINT "service_request_events_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_events" ADD CONSTRAINT "service_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_photos" ADD CONSTRAINT "service_request_photos_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_photos" ADD CONSTRAINT "service_request_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_request_events_request_idx" ON "service_request_events" USING btree ("request_id","at");--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_paid_payment_id_payments_id_fk" FOREIGN KEY ("paid_payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_paid_payment_key" ON "service_requests" USING btree ("paid_payment_id");--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_window" CHECK ("service_requests"."preferred_window" in ('morning', 'afternoon', 'any'));--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_price" CHECK ("service_requests"."price_kopecks" is null or "service_requests"."price_kopecks" > 0);--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_priced" CHECK ("service_requests"."status" in ('new', 'cancelled') or "service_requests"."price_kopecks" is not null);--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_paid" CHECK ("service_requests"."status" not in ('paid', 'scheduled', 'done') or ("service_requests"."price_accepted_at" is not null and "service_requests"."paid_at" is not null and "service_requests"."paid_payment_id" is not null));--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_scheduled" CHECK ("service_requests"."status" not in ('scheduled', 'done') or ("service_requests"."scheduled_at" is not null and "service_requests"."crew" is not null));--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_done" CHECK (("service_requests"."status" = 'done') = ("service_requests"."done_at" is not null));--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_cancelled" CHECK (("service_requests"."status" = 'cancelled') = ("service_requests"."cancelled_by" is not null) and ("service_requests"."cancelled_by" is null or "service_requests"."cancelled_by" in ('customer', 'staff')));