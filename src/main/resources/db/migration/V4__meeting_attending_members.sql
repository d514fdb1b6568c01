-- 委员履职: which members attended a meeting (user ids, comma-separated), for the members' activity record.
ALTER TABLE meeting ADD COLUMN attending_members VARCHAR(500);
