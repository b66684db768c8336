-- The connection application's status machine, repeated in the database (lib/connection/status.ts
-- is the source of the rules and of the messages): a status moves only along an allowed edge,
-- whoever writes the row; a finished application keeps what it was finished with; its timeline is
-- append-only.
CREATE FUNCTION connection_applications_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status, NEW.status) IN (
    ('submitted', 'data_requested'), ('submitted', 'offer_posted'), ('submitted', 'cancelled'),
    ('data_requested', 'submitted'), ('data_requested', 'cancelled'),
    ('offer_posted', 'contracted'), ('offer_posted', 'cancelled'),
    ('contracted', 'works_done'),
    ('works_done', 'act_posted'),
    ('act_posted', 'done')
  ) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'connection application % cannot move from % to %', OLD.number, OLD.status, NEW.status
    USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER connection_applications_transition
  BEFORE UPDATE OF status ON connection_applications
  FOR EACH ROW EXECUTE FUNCTION connection_applications_check_transition();
--> statement-breakpoint
CREATE FUNCTION connection_applications_refuse_after_end() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('done', 'cancelled') THEN
    RAISE EXCEPTION 'connection application % is % and cannot change', OLD.number, OLD.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER connection_applications_final
  BEFORE UPDATE ON connection_applications
  FOR EACH ROW EXECUTE FUNCTION connection_applications_refuse_after_end();
--> statement-breakpoint
CREATE FUNCTION connection_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'connection_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER connection_events_append_only
  BEFORE UPDATE OR DELETE ON connection_events
  FOR EACH ROW EXECUTE FUNCTION connection_events_refuse_change();
--> statement-breakpoint
-- The production calendar of the Russian Federation: weekdays off and weekend days worked.
-- 2026: ПП РФ от 24.09.2025 (3 and 4 January moved to 9 January and 31 December).
-- 2027: the holidays of ст. 112 ТК РФ with the weekend ones moved to the next working day, and the
-- November transfer of the published draft (5 November off, Saturday 13 November worked); staff add
-- the remaining transfers of the final decree to this table.
INSERT INTO work_calendar_days (day, working, note) VALUES
  ('2026-01-01', false, 'Новогодние каникулы'),
  ('2026-01-02', false, 'Новогодние каникулы'),
  ('2026-01-05', false, 'Новогодние каникулы'),
  ('2026-01-06', false, 'Новогодние каникулы'),
  ('2026-01-07', false, 'Рождество Христово'),
  ('2026-01-08', false, 'Новогодние каникулы'),
  ('2026-01-09', false, 'Перенос с 3 января'),
  ('2026-02-23', false, 'День защитника Отечества'),
  ('2026-03-09', false, 'Перенос с 8 марта'),
  ('2026-05-01', false, 'Праздник Весны и Труда'),
  ('2026-05-11', false, 'Перенос с 9 мая'),
  ('2026-06-12', false, 'День России'),
  ('2026-11-04', false, 'День народного единства'),
  ('2026-12-31', false, 'Перенос с 4 января'),
  ('2027-01-01', false, 'Новогодние каникулы'),
  ('2027-01-04', false, 'Новогодние каникулы'),
  ('2027-01-05', false, 'Новогодние каникулы'),
  ('2027-01-06', false, 'Новогодние каникулы'),
  ('2027-01-07', false, 'Рождество Христово'),
  ('2027-01-08', false, 'Новогодние каникулы'),
  ('2027-02-23', false, 'День защитника Отечества'),
  ('2027-03-08', false, 'Международный женский день'),
  ('2027-05-03', false, 'Перенос с 1 мая'),
  ('2027-05-10', false, 'Перенос с 9 мая'),
  ('2027-06-14', false, 'Перенос с 12 июня'),
  ('2027-11-04', false, 'День народного единства'),
  ('2027-11-05', false, 'Перенос с 13 ноября'),
  ('2027-11-13', true, 'Рабочая суббота (перенос на 5 ноября)');
