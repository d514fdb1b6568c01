-- Issue #23: the department reply tasks open now, kept beside the engine's runtime so the supervisors' open and
-- due-soon counts read one narrow index instead of joining the engine's task, identity-link and variable tables
-- (a second at 100k open tasks). OpenReplyTaskTable writes them from task listeners inside the engine's own
-- transaction: a row per open reply task (its leadDepartment as getVariable finds it, its due date), and a row per
-- candidate group of it. due_at has the type of the engine's DUE_DATE_ so both compare alike.
CREATE TABLE open_reply_task (
  task_id          VARCHAR(64)   NOT NULL,
  lead_department  VARCHAR(255),
  due_at           DATETIME,
  CONSTRAINT pk_open_reply_task PRIMARY KEY (task_id)
);
CREATE INDEX ix_open_reply_task_lead ON open_reply_task (lead_department, due_at);

CREATE TABLE open_reply_task_group (
  task_id   VARCHAR(64)   NOT NULL,
  group_id  VARCHAR(255)  NOT NULL,
  due_at    DATETIME,
  CONSTRAINT pk_open_reply_task_group PRIMARY KEY (task_id, group_id)
);
CREATE INDEX ix_open_reply_task_group ON open_reply_task_group (group_id, due_at);

-- An upgraded installation: OpenReplyTaskBackfill copies the reply tasks already open at the first start (the
-- engine's tables may not exist yet when this runs) and sets done_at.
CREATE TABLE open_reply_task_backfill (
  id       INT           NOT NULL PRIMARY KEY,
  done_at  DATETIME(3)
);
INSERT INTO open_reply_task_backfill (id, done_at) VALUES (1, NULL);
