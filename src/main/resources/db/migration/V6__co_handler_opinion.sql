-- 协办意见: a co-handling department's opinion for the lead department's reply (JOINT matters).
CREATE TABLE co_handler_opinion (
  id          BIGINT        NOT NULL PRIMARY KEY,
  demand_id   BIGINT        NOT NULL,
  department  VARCHAR(40)   NOT NULL,
  opinion     TEXT          NOT NULL,
  given_by    VARCHAR(64)   NOT NULL,
  given_at    DATETIME(3)   NOT NULL,
  CONSTRAINT fk_co_handler_opinion_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_co_handler_opinion_demand ON co_handler_opinion (demand_id);
