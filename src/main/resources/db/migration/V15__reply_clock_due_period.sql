-- Issue #20: a proposal reply is due a period (3 months, 1 month for re-handling) after assignment, moved
-- off a non-working day; the period is kept with the clock so that a new holiday notice counts it again.
ALTER TABLE reply_clock ADD COLUMN due_period VARCHAR(16);
