-- Issue #21: a user task without a Java listener of its own (one a process designer added in Modeler with a
-- Camunda Form) still leaves its record: who completed it, when, and the values submitted, by the form's labels.
CREATE TABLE step_record (
  id                     BIGINT        NOT NULL PRIMARY KEY,
  demand_id              BIGINT        NOT NULL,
  step                   VARCHAR(255)  NOT NULL,
  task_definition_key    VARCHAR(255)  NOT NULL,
  process_definition_id  VARCHAR(64)   NOT NULL,
  completed_by           VARCHAR(64)   NOT NULL,
  completed_at           DATETIME(3)   NOT NULL,
  fields_json            TEXT          NOT NULL,
  CONSTRAINT fk_step_record_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_step_record_demand ON step_record (demand_id);
