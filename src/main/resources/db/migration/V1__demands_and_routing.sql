-- Shangliang core records. Portable SQL: the same file runs on H2 and on MySQL 8 / MariaDB 10.11.
-- Times are stored in UTC (hibernate.jdbc.time_zone=UTC) and shown in Asia/Shanghai.

-- Id blocks handed out by Hibernate's table generator: safe across nodes, no vendor sequences needed.
CREATE TABLE sl_sequence (
  seq_name VARCHAR(64) NOT NULL PRIMARY KEY,
  next_val BIGINT      NOT NULL
);
INSERT INTO sl_sequence (seq_name, next_val) VALUES ('demand', 1);
INSERT INTO sl_sequence (seq_name, next_val) VALUES ('record', 1);

-- 诉求 Demand
CREATE TABLE demand (
  id                   BIGINT        NOT NULL PRIMARY KEY,
  tracking_code        VARCHAR(24),  -- set from the id in the same transaction as the insert
  idempotency_key      VARCHAR(128),
  external_id          VARCHAR(128),
  channel              VARCHAR(20)   NOT NULL,
  title                VARCHAR(200)  NOT NULL,
  description          TEXT          NOT NULL,
  category             VARCHAR(30)   NOT NULL,
  scope                VARCHAR(20)   NOT NULL,
  urgency              VARCHAR(20)   NOT NULL,
  township             VARCHAR(100)  NOT NULL,
  village              VARCHAR(100)  NOT NULL,
  latitude             DOUBLE PRECISION,
  longitude            DOUBLE PRECISION,
  submitter_name       VARCHAR(100),
  submitter_phone      VARCHAR(40),
  collecting_member    VARCHAR(64),
  answerable_on_site   BOOLEAN       NOT NULL,
  needs_policy_change  BOOLEAN       NOT NULL,
  estimated_cost_yuan  DECIMAL(18,2),
  departments_involved INT           NOT NULL,
  co_departments       VARCHAR(300),
  affected_people      INT           NOT NULL,
  merged_into_id       BIGINT,
  status               VARCHAR(30)   NOT NULL,
  process_instance_id  VARCHAR(64),
  created_at           DATETIME(3)   NOT NULL,
  created_by           VARCHAR(64)   NOT NULL,
  updated_at           DATETIME(3)   NOT NULL,
  version              BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_demand_tracking_code ON demand (tracking_code);
-- NULLs do not collide: demands without a client key never conflict.
CREATE UNIQUE INDEX ux_demand_idempotency_key ON demand (idempotency_key);
-- repeatCount and duplicate candidates: same place, same category, recent first.
CREATE INDEX ix_demand_place_category ON demand (township, village, category, created_at);
CREATE INDEX ix_demand_status ON demand (status, created_at);
CREATE INDEX ix_demand_merged_into ON demand (merged_into_id);

-- 分流结果 Routing decision: what the rules said, with which rule version, at which step.
CREATE TABLE routing_decision (
  id               BIGINT       NOT NULL PRIMARY KEY,
  demand_id        BIGINT       NOT NULL,
  stage            VARCHAR(20)  NOT NULL,
  route            VARCHAR(20)  NOT NULL,
  lead_department  VARCHAR(40),
  co_departments   VARCHAR(300),
  deadline         DATETIME(3),
  evaluated_at     DATETIME(3)  NOT NULL,
  repeat_count     INT          NOT NULL,
  rules_checksum   VARCHAR(64)  NOT NULL,
  CONSTRAINT fk_routing_decision_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_routing_decision_demand ON routing_decision (demand_id, evaluated_at);

CREATE TABLE routing_reason (
  decision_id  BIGINT        NOT NULL,
  position     INT           NOT NULL,
  rule_id      VARCHAR(40)   NOT NULL,
  message      VARCHAR(500)  NOT NULL,
  PRIMARY KEY (decision_id, position),
  CONSTRAINT fk_routing_reason_decision FOREIGN KEY (decision_id) REFERENCES routing_decision (id)
);

-- The audit trail: every state change of a demand (who, when, what).
CREATE TABLE demand_event (
  id           BIGINT        NOT NULL PRIMARY KEY,
  demand_id    BIGINT        NOT NULL,
  occurred_at  DATETIME(3)   NOT NULL,
  actor        VARCHAR(64)   NOT NULL,
  kind         VARCHAR(40)   NOT NULL,
  detail       VARCHAR(2000),
  CONSTRAINT fk_demand_event_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_demand_event_demand ON demand_event (demand_id, occurred_at);
