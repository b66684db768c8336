-- A cache: nothing in it needs to survive a crash, and unlogged writes skip the WAL.
ALTER TABLE "route_cache" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "route_cache_tags" SET UNLOGGED;
