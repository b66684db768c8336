-- No two tariffs of the same kind (category, zone plan, zone) may be in force on the same day for
-- overlapping monthly volume ranges: a bill would not know which price applies. btree_gist lets
-- one GiST exclusion constraint combine the equality columns with the two ranges.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE tariffs ADD CONSTRAINT tariffs_no_overlap EXCLUDE USING gist (
  category WITH =,
  zone_plan WITH =,
  zone WITH =,
  int4range(range_from_kwh, range_to_kwh, '[)') WITH &&,
  daterange(effective_from, effective_to, '[]') WITH &&
);
--> statement-breakpoint
-- A tariff a bill was computed with is history: its price, kind, range, start and decree never
-- change, and its end may only move to a day on or after the end of the last month billed with it
-- (closing an open-ended tariff when the next one is announced). Deleting it is already refused by
-- the bill_lines foreign key.
CREATE FUNCTION tariffs_refuse_billed_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_billed date;
BEGIN
  SELECT max(coalesce(l.for_period, b.period)) INTO last_billed
    FROM bill_lines l JOIN bills b ON b.id = l.bill_id
   WHERE l.tariff_id = OLD.id;
  IF last_billed IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW.category IS DISTINCT FROM OLD.category OR NEW.zone_plan IS DISTINCT FROM OLD.zone_plan
     OR NEW.zone IS DISTINCT FROM OLD.zone OR NEW.range_from_kwh IS DISTINCT FROM OLD.range_from_kwh
     OR NEW.range_to_kwh IS DISTINCT FROM OLD.range_to_kwh OR NEW.price_kopecks IS DISTINCT FROM OLD.price_kopecks
     OR NEW.effective_from IS DISTINCT FROM OLD.effective_from OR NEW.decree IS DISTINCT FROM OLD.decree
     OR (NEW.effective_to IS NOT NULL
         AND NEW.effective_to < (last_billed + interval '1 month' - interval '1 day')::date) THEN
    RAISE EXCEPTION 'tariff % is used by bills up to %: it cannot be changed', OLD.id, last_billed
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tariffs_billed_frozen
  BEFORE UPDATE ON tariffs
  FOR EACH ROW EXECUTE FUNCTION tariffs_refuse_billed_change();
