-- Issue #23: the supervisors' figures per day (Asia/Shanghai) and department, so that a year's summary adds up
-- 365 small rows instead of scanning a year of clocks. Reply figures count on the day the reply is due, breaches on
-- the day they began. Kept exact by SlaDaily: every change of a clock or breach recounts its rows from the base
-- tables in the same transaction; a row whose figures are all zero is removed.
CREATE TABLE sla_daily (
  sla_day        DATE          NOT NULL,
  department     VARCHAR(40)   NOT NULL,
  replies_due    BIGINT        NOT NULL,
  replies_given  BIGINT        NOT NULL,
  on_time        BIGINT        NOT NULL,
  accepted       BIGINT        NOT NULL,
  solved         BIGINT        NOT NULL,
  breached       BIGINT        NOT NULL,
  CONSTRAINT pk_sla_daily PRIMARY KEY (sla_day, department)
);

-- An upgraded installation starts right: SlaDailyBackfill counts the rows of the clocks and breaches already there
-- once, at the first start, and sets done_at (in Java: times are read as the application wrote them).
CREATE TABLE sla_daily_backfill (
  id       INT           NOT NULL PRIMARY KEY,
  done_at  DATETIME(3)
);
INSERT INTO sla_daily_backfill (id, done_at) VALUES (1, NULL);

-- The partial days at a period's edges and the breaches list read the base tables by time: the period first.
CREATE INDEX ix_reply_clock_due ON reply_clock (due_at, department);
CREATE INDEX ix_sla_breach_breached ON sla_breach (breached_at, id);
-- Satisfaction per department for a period: answered in the period, grouped without reading the rows.
CREATE INDEX ix_satisfaction_evaluation_answered_by ON satisfaction_evaluation (answered_at, lead_department, channel, rating);
