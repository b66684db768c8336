-- The service request's status machine, repeated in the database (lib/services/status.ts is the
-- source of the rules and of the messages): a status moves only along an allowed edge, whoever
-- writes the row.
CREATE FUNCTION service_requests_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- The same status (a new price before acceptance, another date for a scheduled visit) is not a move.
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status, NEW.status) IN (
    ('new', 'price_confirmed'), ('new', 'cancelled'),
    ('price_confirmed', 'paid'), ('price_confirmed', 'cancelled'),
    ('paid', 'scheduled'), ('paid', 'cancelled'),
    ('scheduled', 'done'), ('scheduled', 'cancelled')
  ) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'service request % cannot move from % to %', OLD.number, OLD.status, NEW.status
    USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_requests_transition
  BEFORE UPDATE OF status ON service_requests
  FOR EACH ROW EXECUTE FUNCTION service_requests_check_transition();
--> statement-breakpoint
-- A finished request keeps what it was finished with.
CREATE FUNCTION service_requests_refuse_after_end() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('done', 'cancelled') THEN
    RAISE EXCEPTION 'service request % is % and cannot change', OLD.number, OLD.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_requests_final
  BEFORE UPDATE ON service_requests
  FOR EACH ROW EXECUTE FUNCTION service_requests_refuse_after_end();
--> statement-breakpoint
CREATE FUNCTION service_request_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'service_request_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_request_events_append_only
  BEFORE UPDATE OR DELETE ON service_request_events
  FOR EACH ROW EXECUTE FUNCTION service_request_events_refuse_change();
