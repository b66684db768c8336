CREATE TYPE "public"."appeal_author" AS ENUM('appellant', 'staff');--> statement-breakpoint
CREATE TYPE "public"."appeal_status" AS ENUM('awaiting_email_confirmation', 'open', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."appeal_topic" AS ENUM('billing_dispute', 'readings', 'payment_not_credited', 'outage', 'service_request', 'connection', 'other');--> statement-breakpoint
CREATE SEQUENCE "public"."appeal_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "appeal_attachments" (
	"message_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_attachments_message_id_file_id_pk" PRIMARY KEY("message_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "appeal_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"author" "appeal_author" NOT NULL,
	"author_user_id" uuid,
	"internal" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_messages_internal_is_staff" CHECK (not "appeal_messages"."internal" or "appeal_messages"."author" = 'staff'),
	CONSTRAINT "appeal_messages_body" CHECK (length("appeal_messages"."body") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "appeal_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_topic_deadlines" (
	"topic" "appeal_topic" PRIMARY KEY NOT NULL,
	"working_days" smallint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_topic_deadlines_range" CHECK ("appeal_topic_deadlines"."working_days" between 1 and 30)
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"topic" "appeal_topic" NOT NULL,
	"status" "appeal_status" NOT NULL,
	"user_id" uuid,
	"company_id" uuid,
	"account_id" uuid,
	"guest_name" text,
	"guest_email" text,
	"guest_account_number" text,
	"opened_at" timestamp with time zone,
	"due_on" date,
	"assignee_id" uuid,
	"first_answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeals_number_format" CHECK ("appeals"."number" ~ '^О-[0-9]{4}-[0-9]{6,}$'),
	CONSTRAINT "appeals_rating_range" CHECK ("appeals"."rating" is null or "appeals"."rating" between 1 and 5),
	CONSTRAINT "appeals_rating_when_closed" CHECK ("appeals"."rating" is null or "appeals"."status" = 'closed'),
	CONSTRAINT "appeals_appellant" CHECK (("appeals"."user_id" is not null and "appeals"."guest_email" is null) or ("appeals"."user_id" is null and "appeals"."guest_email" is not null and "appeals"."guest_name" is not null and "appeals"."account_id" is null and "appeals"."company_id" is null)),
	CONSTRAINT "appeals_guest_email_format" CHECK ("appeals"."guest_email" is null or "appeals"."guest_email" ~ '^[^@\s]+@[^@\s]+$'),
	CONSTRAINT "appeals_awaiting_is_guest" CHECK ("appeals"."status" <> 'awaiting_email_confirmation' or ("appeals"."user_id" is null and "appeals"."opened_at" is null and "appeals"."due_on" is null)),
	CONSTRAINT "appeals_open_has_deadline" CHECK ("appeals"."status" = 'awaiting_email_confirmation' or ("appeals"."opened_at" is not null and "appeals"."due_on" is not null)),
	CONSTRAINT "appeals_closed_at" CHECK (("appeals"."status" = 'closed') = ("appeals"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "appeal_attachments" ADD CONSTRAINT "appeal_attachments_message_id_appeal_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."appeal_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_attachments" ADD CONSTRAINT "appeal_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_messages" ADD CONSTRAINT "appeal_messages_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_messages" ADD CONSTRAINT "appeal_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_topic_deadlines" ADD CONSTRAINT "appeal_topic_deadlines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_attachments_file_key" ON "appeal_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "appeal_messages_appeal_idx" ON "appeal_messages" USING btree ("appeal_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_templates_title_key" ON "appeal_templates" USING btree ("title");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_number_key" ON "appeals" USING btree ("number");--> statement-breakpoint
CREATE INDEX "appeals_user_idx" ON "appeals" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "appeals_company_idx" ON "appeals" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "appeals_queue_idx" ON "appeals" USING btree ("status","due_on");