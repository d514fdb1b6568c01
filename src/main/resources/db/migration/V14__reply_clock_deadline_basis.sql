-- Issue #20: what a reply's due date was counted from (the instant and the number of working days), so
-- that a new holiday notice can count it again from the same start with the same rule. NULL when the
-- deadline is not counted in working days (24 calendar hours, a period of months).
ALTER TABLE reply_clock ADD COLUMN due_from DATETIME(3);
ALTER TABLE reply_clock ADD COLUMN due_working_days INT;
