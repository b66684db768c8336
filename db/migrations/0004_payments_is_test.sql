-- from 0003_payments_is_test.sql
ALTER TABLE "payments" ADD COLUMN "is_test" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- from 0004_sandbox_payments_are_tests.sql
-- A payment through the built-in sandbox moves no money, whatever the code that inserted it said:
-- it is always a test payment (credited only in demo mode).
CREATE FUNCTION payments_sandbox_is_test() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.gateway = 'sandbox' THEN
    NEW.is_test := true;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payments_sandbox_is_test
  BEFORE INSERT OR UPDATE OF gateway, is_test ON payments
  FOR EACH ROW EXECUTE FUNCTION payments_sandbox_is_test();
--> statement-breakpoint
UPDATE payments SET is_test = true WHERE gateway = 'sandbox';
