-- Issue #23: the lists at five years' volume. Each index lets a newest-first page be read in order and stop
-- after `limit` rows (InnoDB appends the primary key, so each also orders ties by id for keyset paging).
-- GET /api/demands unfiltered or by category, Open311's time window, from/to:
CREATE INDEX ix_demand_created ON demand (created_at);
-- GET /api/demands by village, with or without a status (village names repeat across townships: township is
-- then checked on the rows read):
CREATE INDEX ix_demand_village_status ON demand (village, status, created_at);
-- GET /api/demands by township alone or with a status:
CREATE INDEX ix_demand_township_status ON demand (township, status, created_at);

-- The board's totalElements, exact without counting every notice on every call: PublicityNotices.publish adds
-- one in the transaction that writes the notice (notices are never deleted). Anything else that writes
-- publicity_notice must add to it too.
CREATE TABLE sl_counter (
  counter_name VARCHAR(64) NOT NULL PRIMARY KEY,
  total        BIGINT      NOT NULL
);
INSERT INTO sl_counter (counter_name, total) SELECT 'publicity_notice', COUNT(*) FROM publicity_notice;
