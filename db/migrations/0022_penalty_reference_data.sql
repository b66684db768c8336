-- Two relief periods of the same kind never overlap: a day is either in a moratorium or not, and a
-- calculation has at most one rate cap.
ALTER TABLE penalty_relief_periods ADD CONSTRAINT penalty_relief_periods_no_overlap EXCLUDE USING gist (
  kind WITH =,
  daterange(starts_on, ends_on, '[]') WITH &&
);
--> statement-breakpoint
-- The Bank of Russia key rate since 2020 (cbr.ru, «Ключевая ставка Банка России»), in hundredths of
-- a percent; staff add every later decision on /admin/key-rates.
INSERT INTO key_rates (effective_from, rate_basis_points) VALUES
  ('2020-04-27', 550), ('2020-06-22', 450), ('2020-07-27', 425), ('2021-03-22', 450), ('2021-04-26', 500),
  ('2021-06-15', 550), ('2021-07-26', 650), ('2021-09-13', 675), ('2021-10-25', 750), ('2021-12-20', 850),
  ('2022-02-14', 950), ('2022-02-28', 2000), ('2022-04-11', 1700), ('2022-05-04', 1400), ('2022-05-27', 1100),
  ('2022-06-14', 950), ('2022-07-25', 800), ('2022-09-19', 750), ('2023-07-24', 850), ('2023-08-15', 1200),
  ('2023-09-18', 1300), ('2023-10-30', 1500), ('2023-12-18', 1600), ('2024-07-29', 1800), ('2024-09-16', 1900),
  ('2024-10-28', 2100), ('2025-06-09', 2000), ('2025-07-28', 1800), ('2025-09-15', 1700), ('2025-10-27', 1650)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The relief periods in force by law (docs/billing-rules-penalties.md): no penalties for late
-- housing and utility payments from 06.04.2020 to 31.12.2020 (ПП РФ № 424) and during the
-- moratorium of 01.04.2022–01.10.2022 (ПП РФ № 497); the key rate of 27.02.2022 (9,5 %) as the
-- ceiling from 28.02.2022 to 31.12.2026 (ПП РФ № 474 as extended).
INSERT INTO penalty_relief_periods (kind, starts_on, ends_on, cap_basis_points, basis) VALUES
  ('moratorium', '2020-04-06', '2020-12-31', NULL, 'ПП РФ от 02.04.2020 № 424'),
  ('moratorium', '2022-04-01', '2022-10-01', NULL, 'ПП РФ от 28.03.2022 № 497'),
  ('rate_cap', '2022-02-28', '2026-12-31', 950, 'ПП РФ от 26.03.2022 № 474 (в ред. 2025 г.): не выше ставки на 27.02.2022');
