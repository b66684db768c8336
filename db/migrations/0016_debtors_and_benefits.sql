CREATE TYPE "public"."debt_notice_kind" AS ENUM('warning', 'reminder');--> statement-breakpoint
CREATE TABLE "benefit_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"discount" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benefit_categories_code_format" CHECK ("benefit_categories"."code" ~ '^[A-Za-zА-Яа-яЁё0-9_-]{1,30}$'),
	CONSTRAINT "benefit_categories_name" CHECK (length(btrim("benefit_categories"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "debt_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "debt_notice_kind" NOT NULL,
	"debt_kopecks" bigint NOT NULL,
	"threshold_kopecks" bigint NOT NULL,
	"delivered_on" date NOT NULL,
	"pay_by" date NOT NULL,
	"email_to" text NOT NULL,
	"file_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debt_notices_debt_positive" CHECK ("debt_notices"."debt_kopecks" > 0),
	CONSTRAINT "debt_notices_threshold" CHECK ("debt_notices"."threshold_kopecks" >= 0),
	CONSTRAINT "debt_notices_pay_by" CHECK ("debt_notices"."pay_by" = "debt_notices"."delivered_on" + 20)
);
--> statement-breakpoint
ALTER TABLE "account_benefits" ALTER COLUMN "basis" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "account_benefits" ADD COLUMN "document_file_id" uuid;--> statement-breakpoint
ALTER TABLE "account_benefits" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "debt_notices" ADD CONSTRAINT "debt_notices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debt_notices" ADD CONSTRAINT "debt_notices_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debt_notices" ADD CONSTRAINT "debt_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_categories_code_key" ON "benefit_categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "debt_notices_account_idx" ON "debt_notices" USING btree ("account_id","created_at");--> statement-breakpoint
ALTER TABLE "account_benefits" ADD CONSTRAINT "account_benefits_category_benefit_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."benefit_categories"("code") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "account_benefits" ADD CONSTRAINT "account_benefits_document_file_id_stored_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_benefits" ADD CONSTRAINT "account_benefits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_benefits_valid_to_idx" ON "account_benefits" USING btree ("valid_to");--> statement-breakpoint
ALTER TABLE "account_benefits" ADD CONSTRAINT "account_benefits_basis" CHECK (length(btrim("account_benefits"."basis")) > 0);