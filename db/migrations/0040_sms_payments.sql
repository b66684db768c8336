CREATE TABLE "sms_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"card_binding_id" uuid,
	"amount_kopecks" bigint NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_payments_status" CHECK ("sms_payments"."status" in ('pending', 'confirmed', 'declined', 'locked', 'expired', 'superseded')),
	CONSTRAINT "sms_payments_amount_positive" CHECK ("sms_payments"."amount_kopecks" > 0),
	CONSTRAINT "sms_payments_attempts" CHECK ("sms_payments"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sms_payments" ADD CONSTRAINT "sms_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_payments" ADD CONSTRAINT "sms_payments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_payments" ADD CONSTRAINT "sms_payments_card_binding_id_card_bindings_id_fk" FOREIGN KEY ("card_binding_id") REFERENCES "public"."card_bindings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_payments" ADD CONSTRAINT "sms_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_payments_one_pending_per_user" ON "sms_payments" USING btree ("user_id") WHERE "sms_payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "sms_payments_user_day_idx" ON "sms_payments" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_payments_payment_key" ON "sms_payments" USING btree ("payment_id");