CREATE TABLE "route_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"payload" text NOT NULL,
	"tags" text[] NOT NULL,
	"last_modified" bigint NOT NULL,
	"cache_control" jsonb
);
--> statement-breakpoint
CREATE TABLE "route_cache_tags" (
	"tag" text PRIMARY KEY NOT NULL,
	"revalidated_at" bigint NOT NULL
);
