ALTER TABLE "accounts" ADD COLUMN "els" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "izhku" text;--> statement-breakpoint
ALTER TABLE "bills" ADD COLUMN "ipd" text;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_els_key" ON "accounts" USING btree ("els");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_izhku_key" ON "accounts" USING btree ("izhku");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_ipd_key" ON "bills" USING btree ("ipd");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_els_format" CHECK ("accounts"."els" ~ '^[0-9]{2}[А-Я]{2}[0-9]{6}$');--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_izhku_format" CHECK ("accounts"."izhku" is null or ("accounts"."izhku" ~ '^[0-9]{2}[А-Я]{2}[0-9]{6}-[0-9]{2}$' and "accounts"."els" is not null and left("accounts"."izhku", 10) = "accounts"."els"));--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_ipd_format" CHECK ("bills"."ipd" ~ '^[0-9]{2}[А-Я]{2}[0-9]{6}-[0-9]{2}-[0-9]{4}$');