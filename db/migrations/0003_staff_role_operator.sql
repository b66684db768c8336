-- Staff split into operators and admins; existing staff accounts become operators.
-- (Written by hand over drizzle-kit's drop-and-recreate, which would fail on existing rows.)
ALTER TYPE "public"."user_role" RENAME VALUE 'staff' TO 'operator';
