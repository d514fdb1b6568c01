-- 时限与超期: one clock per reply owed by a department, its reminder, and its breaches (督办).

CREATE TABLE reply_clock (
  id                      BIGINT        NOT NULL PRIMARY KEY,
  demand_id               BIGINT        NOT NULL,
  tracking_code           VARCHAR(24)   NOT NULL,
  department              VARCHAR(40)   NOT NULL,
  started_at              DATETIME(3)   NOT NULL,
  due_at                  DATETIME(3)   NOT NULL,
  reminder_at             DATETIME(3)   NOT NULL,
  supervision_due_at      DATETIME(3)   NOT NULL,
  key_supervision_due_at  DATETIME(3)   NOT NULL,
  reminded_at             DATETIME(3),
  first_replied_at        DATETIME(3),
  accepted_at             DATETIME(3),
  resolved                BOOLEAN,
  CONSTRAINT fk_reply_clock_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_reply_clock_department_due ON reply_clock (department, due_at);
CREATE INDEX ix_reply_clock_demand ON reply_clock (demand_id);

CREATE TABLE sla_breach (
  id                   BIGINT        NOT NULL PRIMARY KEY,
  clock_id             BIGINT        NOT NULL,
  demand_id            BIGINT        NOT NULL,
  tracking_code        VARCHAR(24)   NOT NULL,
  department           VARCHAR(40)   NOT NULL,
  task                 VARCHAR(100)  NOT NULL,
  due_at               DATETIME(3)   NOT NULL,
  breached_at          DATETIME(3)   NOT NULL,
  level                INT           NOT NULL,
  escalated_at         DATETIME(3),
  closed_at            DATETIME(3),
  supervision_action   VARCHAR(30),
  supervision_note     VARCHAR(2000),
  supervised_by        VARCHAR(64),
  supervised_at        DATETIME(3),
  CONSTRAINT fk_sla_breach_clock FOREIGN KEY (clock_id) REFERENCES reply_clock (id)
);
CREATE INDEX ix_sla_breach_department ON sla_breach (department, breached_at);
CREATE INDEX ix_sla_breach_open ON sla_breach (closed_at, breached_at);
CREATE INDEX ix_sla_breach_clock ON sla_breach (clock_id);
