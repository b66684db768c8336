-- One account cannot hold the same benefit twice on the same day: two overlapping periods of one
-- category would double the discount in the social protection office's list. btree_gist lets the
-- GiST exclusion constraint combine the equality columns with the date range (null end: open).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE account_benefits ADD CONSTRAINT account_benefits_no_overlap EXCLUDE USING gist (
  account_id WITH =,
  category WITH =,
  daterange(valid_from, valid_to, '[]') WITH &&
);
