-- A payment for several accounts is split into allocations; whenever it has any, they add up to
-- the payment's amount and one of them is the payment's own account. Checked at commit (deferred),
-- so the payment and its allocations are written in any order inside one transaction.
CREATE FUNCTION payment_allocations_add_up() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  pid uuid;
  total bigint;
  lines integer;
  own integer;
  amount bigint;
  account uuid;
BEGIN
  IF TG_TABLE_NAME = 'payments' THEN
    pid := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    pid := OLD.payment_id;
  ELSE
    pid := NEW.payment_id;
  END IF;
  SELECT amount_kopecks, account_id INTO amount, account FROM payments WHERE id = pid;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(sum(amount_kopecks), 0), count(*), count(*) FILTER (WHERE account_id = account)
    INTO total, lines, own
    FROM payment_allocations WHERE payment_id = pid;
  IF lines > 0 AND (total <> amount OR own = 0) THEN
    RAISE EXCEPTION 'payment % allocations add up to % of %, or miss its own account', pid, total, amount
      USING ERRCODE = 'check_violation', CONSTRAINT = 'payment_allocations_add_up';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER payment_allocations_add_up
  AFTER INSERT OR UPDATE OR DELETE ON payment_allocations
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION payment_allocations_add_up();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER payments_allocations_add_up
  AFTER UPDATE OF amount_kopecks, account_id ON payments
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION payment_allocations_add_up();
