-- One trigger function guards every status machine and one every append-only table, so a new
-- workflow declares its edges instead of copying a function. The rules and the messages stay in
-- lib/<domain>/status.ts; each trigger repeats them in its arguments:
--   0: what the row is called in a message ('service request'),
--   1: the final statuses, space-separated: a row in one of them does not change at all,
--   2: the allowed moves, space-separated 'from>to' pairs,
--   3 (optional): the status every new row must start in.
-- Keeping the same status (a new price before acceptance, another date for a visit) is not a move.
CREATE FUNCTION check_status_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF TG_NARGS > 3 AND NEW.status::text <> TG_ARGV[3] THEN
      RAISE EXCEPTION 'a % starts as %, not %', TG_ARGV[0], TG_ARGV[3], NEW.status
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status::text = ANY (string_to_array(TG_ARGV[1], ' ')) THEN
    RAISE EXCEPTION '% % is % and cannot change', TG_ARGV[0], OLD.number, OLD.status
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status = OLD.status
    OR OLD.status::text || '>' || NEW.status::text = ANY (string_to_array(TG_ARGV[2], ' ')) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% % cannot move from % to %', TG_ARGV[0], OLD.number, OLD.status, NEW.status
    USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
DROP TRIGGER service_requests_transition ON service_requests;
--> statement-breakpoint
DROP TRIGGER service_requests_final ON service_requests;
--> statement-breakpoint
DROP FUNCTION service_requests_check_transition(), service_requests_refuse_after_end();
--> statement-breakpoint
CREATE TRIGGER service_requests_status
  BEFORE UPDATE ON service_requests
  FOR EACH ROW EXECUTE FUNCTION check_status_transition(
    'service request',
    'done cancelled',
    'new>price_confirmed new>cancelled price_confirmed>paid price_confirmed>cancelled paid>scheduled paid>cancelled scheduled>done scheduled>cancelled'
  );
--> statement-breakpoint
DROP TRIGGER company_applications_transition ON company_applications;
--> statement-breakpoint
DROP TRIGGER company_applications_start ON company_applications;
--> statement-breakpoint
DROP FUNCTION company_applications_check_transition(), company_applications_check_start();
--> statement-breakpoint
CREATE TRIGGER company_applications_status
  BEFORE INSERT OR UPDATE ON company_applications
  FOR EACH ROW EXECUTE FUNCTION check_status_transition(
    'company application',
    'signed refused',
    'submitted>in_review submitted>refused in_review>documents_requested in_review>contract_offered in_review>refused documents_requested>in_review documents_requested>refused contract_offered>signed contract_offered>refused',
    'submitted'
  );
--> statement-breakpoint
DROP TRIGGER connection_applications_transition ON connection_applications;
--> statement-breakpoint
DROP TRIGGER connection_applications_final ON connection_applications;
--> statement-breakpoint
DROP FUNCTION connection_applications_check_transition(), connection_applications_refuse_after_end();
--> statement-breakpoint
CREATE TRIGGER connection_applications_status
  BEFORE UPDATE ON connection_applications
  FOR EACH ROW EXECUTE FUNCTION check_status_transition(
    'connection application',
    'done cancelled',
    'submitted>data_requested submitted>offer_posted submitted>cancelled data_requested>submitted data_requested>cancelled offer_posted>contracted offer_posted>cancelled contracted>works_done works_done>act_posted act_posted>done'
  );
--> statement-breakpoint
-- Every append-only table's triggers, moved to the shared function; the TRUNCATE guard stays where it was.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'ledger_entries', 'audit_log', 'service_request_events', 'company_application_events',
    'company_application_files', 'connection_events'
  ] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_append_only', t);
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION refuse_change()',
      t || '_append_only', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['ledger_entries', 'audit_log'] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_no_truncate', t);
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()',
      t || '_no_truncate', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
DROP FUNCTION ledger_entries_refuse_change(), audit_log_refuse_change(), service_request_events_refuse_change(),
  company_application_history_refuse_change(), connection_events_refuse_change();
