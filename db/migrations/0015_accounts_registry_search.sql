-- The staff search box of /admin/accounts finds an account by any part of its number, holder,
-- address, phone or contract e-mail, by a registered user's e-mail or phone, or by a meter serial.
-- Trigram GIN indexes answer «contains» (LIKE '%…%') without reading every row; each expression
-- below is the one lib/accounts/registry-search.ts queries, so the planner can use the index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- One lower-case text per account: number, holder, address, phone digits, contract e-mail.
CREATE FUNCTION account_search_text(
  number text, holder_name text, settlement text, street text, house text, flat text, phone text, email text
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(
    number || ' ' || holder_name || ' ' || settlement || ' ' || street || ' ' || house || ' '
    || coalesce(flat, '') || ' ' || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '') || ' '
    || coalesce(email, '')
  )
$$;
--> statement-breakpoint
CREATE INDEX accounts_search_trgm ON accounts USING gin (
  account_search_text(number, holder_name, settlement, street, house, flat, phone, email) gin_trgm_ops
);
--> statement-breakpoint
CREATE INDEX users_email_trgm ON users USING gin (lower(email) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX users_phone_digits_trgm ON users USING gin (
  (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) gin_trgm_ops
);
--> statement-breakpoint
CREATE INDEX meters_serial_trgm ON meters USING gin (lower(serial_number) gin_trgm_ops);
