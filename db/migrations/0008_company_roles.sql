CREATE TYPE "public"."company_role" AS ENUM('owner', 'accountant', 'engineer');--> statement-breakpoint
ALTER TYPE "public"."token_purpose" ADD VALUE 'company_invite';--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "curator_name" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "curator_phone" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "curator_email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "company_role" "company_role";--> statement-breakpoint
-- Everyone who already acts for a company keeps full rights: they become its owners.
UPDATE "users" SET "company_role" = 'owner' WHERE "role" = 'company_user';--> statement-breakpoint
CREATE INDEX "users_company_idx" ON "users" USING btree ("company_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_company_member_role" CHECK (("users"."role" = 'company_user') = ("users"."company_role" is not null));