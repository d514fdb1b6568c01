-- Issue #21: what the processes steer by is kept with the decision (not the winning rule's id): how the
-- deadline runs and whether the matter is investigated first. NULL on decisions recorded before.
ALTER TABLE routing_decision ADD COLUMN clock_kind VARCHAR(20);
ALTER TABLE routing_decision ADD COLUMN investigate_first BOOLEAN;
