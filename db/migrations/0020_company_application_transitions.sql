-- The contract application's status machine, repeated in the database (lib/applications/status.ts is
-- the source of the rules and of the messages): a status moves only along an allowed edge, whoever
-- writes the row; a decided application (signed, refused) does not change at all.
CREATE FUNCTION company_applications_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('signed', 'refused') THEN
    RAISE EXCEPTION 'company application % is % and cannot change', OLD.number, OLD.status
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status::text, NEW.status::text) IN (
    ('submitted', 'in_review'), ('submitted', 'refused'),
    ('in_review', 'documents_requested'), ('in_review', 'contract_offered'), ('in_review', 'refused'),
    ('documents_requested', 'in_review'), ('documents_requested', 'refused'),
    ('contract_offered', 'signed'), ('contract_offered', 'refused')
  ) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'company application % cannot move from % to %', OLD.number, OLD.status, NEW.status
    USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER company_applications_transition
  BEFORE UPDATE ON company_applications
  FOR EACH ROW EXECUTE FUNCTION company_applications_check_transition();
--> statement-breakpoint
-- A new application starts at the beginning.
CREATE FUNCTION company_applications_check_start() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'submitted' THEN
    RAISE EXCEPTION 'a company application starts as submitted, not %', NEW.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER company_applications_start
  BEFORE INSERT ON company_applications
  FOR EACH ROW EXECUTE FUNCTION company_applications_check_start();
--> statement-breakpoint
CREATE FUNCTION company_application_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER company_application_events_append_only
  BEFORE UPDATE OR DELETE ON company_application_events
  FOR EACH ROW EXECUTE FUNCTION company_application_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER company_application_files_append_only
  BEFORE UPDATE OR DELETE ON company_application_files
  FOR EACH ROW EXECUTE FUNCTION company_application_history_refuse_change();
