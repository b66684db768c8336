-- Company accounts are reached through accounts.company_id only; account_users is for households.
DELETE FROM "account_users" au USING "accounts" a WHERE a."id" = au."account_id" AND a."kind" = 'company';
--> statement-breakpoint
CREATE FUNCTION account_users_household_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM accounts WHERE id = NEW.account_id AND kind = 'company') THEN
    RAISE EXCEPTION 'account_users links household accounts only; company accounts belong to their company'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'account_users_household_only';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER account_users_household_only
  BEFORE INSERT OR UPDATE ON account_users
  FOR EACH ROW EXECUTE FUNCTION account_users_household_only();
--> statement-breakpoint
CREATE FUNCTION accounts_company_without_links() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'company' AND EXISTS (SELECT 1 FROM account_users WHERE account_id = NEW.id) THEN
    RAISE EXCEPTION 'a company account cannot keep household links'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'account_users_household_only';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_company_without_links
  BEFORE UPDATE OF kind ON accounts
  FOR EACH ROW EXECUTE FUNCTION accounts_company_without_links();
--> statement-breakpoint
-- A company that had an active owner keeps one. The company row is locked first, so two
-- transactions demoting two different owners at once are serialized and the second one sees the
-- first one's change (each statement reads a fresh snapshot under READ COMMITTED).
CREATE FUNCTION users_keep_company_owner() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.company_id IS NOT DISTINCT FROM OLD.company_id
     AND NEW.company_role = 'owner' AND NEW.status = 'active' THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM companies WHERE id = OLD.company_id FOR UPDATE;
  IF NOT EXISTS (
    SELECT 1 FROM users
    WHERE company_id = OLD.company_id AND company_role = 'owner' AND status = 'active'
  ) THEN
    RAISE EXCEPTION 'the last owner of a company cannot be removed or demoted'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'users_company_last_owner';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_keep_company_owner
  AFTER UPDATE OR DELETE ON users
  FOR EACH ROW
  WHEN (OLD.company_id IS NOT NULL AND OLD.company_role = 'owner' AND OLD.status = 'active')
  EXECUTE FUNCTION users_keep_company_owner();
