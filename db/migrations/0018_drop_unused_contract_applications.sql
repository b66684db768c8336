DROP TABLE "contract_applications" CASCADE;--> statement-breakpoint
DROP TYPE "public"."contract_application_status";