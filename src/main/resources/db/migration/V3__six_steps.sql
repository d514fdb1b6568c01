-- The six steps' records: village assignments (划片包村), investigations, meetings and their notices,
-- decisions and action items, department replies, proposals, publicity notices.

-- 划片包村: the CPPCC member responsible for a village
CREATE TABLE village_assignment (
  id              BIGINT        NOT NULL PRIMARY KEY,
  township        VARCHAR(100)  NOT NULL,
  village         VARCHAR(100)  NOT NULL,
  member_user_id  VARCHAR(64)   NOT NULL,
  assigned_at     DATETIME(3)   NOT NULL,
  assigned_by     VARCHAR(64)   NOT NULL
);
CREATE UNIQUE INDEX ux_village_assignment_place ON village_assignment (township, village);
CREATE INDEX ix_village_assignment_member ON village_assignment (member_user_id);

-- 调查 Investigation
CREATE TABLE investigation (
  id               BIGINT        NOT NULL PRIMARY KEY,
  demand_id        BIGINT        NOT NULL,
  findings         TEXT          NOT NULL,
  stakeholders     VARCHAR(1000),
  affected_people  INT           NOT NULL,
  recorded_at      DATETIME(3)   NOT NULL,
  recorded_by      VARCHAR(64)   NOT NULL,
  CONSTRAINT fk_investigation_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_investigation_demand ON investigation (demand_id);
CREATE INDEX ix_investigation_member ON investigation (recorded_by, recorded_at);

-- 议事会 Meeting
CREATE TABLE meeting (
  id                 BIGINT        NOT NULL PRIMARY KEY,
  demand_id          BIGINT        NOT NULL,
  meeting_form       VARCHAR(30)   NOT NULL,
  scheduled_for      DATETIME(3)   NOT NULL,
  place              VARCHAR(200)  NOT NULL,
  participant_kinds  VARCHAR(300)  NOT NULL,
  scheduled_by       VARCHAR(64)   NOT NULL,
  scheduled_at       DATETIME(3)   NOT NULL,
  notices_sent_at    DATETIME(3),
  opinions           TEXT,
  agreement          TEXT,
  dissent            TEXT,
  attendance         INT,
  recorded_by        VARCHAR(64),
  recorded_at        DATETIME(3),
  CONSTRAINT fk_meeting_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_meeting_demand ON meeting (demand_id);

-- 事先知情通报: one notice per kind of participant
CREATE TABLE meeting_notice (
  id                BIGINT        NOT NULL PRIMARY KEY,
  meeting_id        BIGINT        NOT NULL,
  participant_kind  VARCHAR(30)   NOT NULL,
  message           VARCHAR(1000) NOT NULL,
  sent_at           DATETIME(3)   NOT NULL,
  CONSTRAINT fk_meeting_notice_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id)
);
CREATE UNIQUE INDEX ux_meeting_notice_kind ON meeting_notice (meeting_id, participant_kind);

-- 决事 Decision and its action items
CREATE TABLE decision (
  id             BIGINT        NOT NULL PRIMARY KEY,
  demand_id      BIGINT        NOT NULL,
  decision_text  TEXT          NOT NULL,
  how_reached    VARCHAR(20)   NOT NULL,
  votes_for      INT,
  votes_against  INT,
  votes_abstain  INT,
  decided_by     VARCHAR(64)   NOT NULL,
  decided_at     DATETIME(3)   NOT NULL,
  CONSTRAINT fk_decision_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_decision_demand ON decision (demand_id);

CREATE TABLE action_item (
  decision_id  BIGINT        NOT NULL,
  position     INT           NOT NULL,
  description  VARCHAR(500)  NOT NULL,
  owner        VARCHAR(100)  NOT NULL,
  due_date     DATE          NOT NULL,
  PRIMARY KEY (decision_id, position),
  CONSTRAINT fk_action_item_decision FOREIGN KEY (decision_id) REFERENCES decision (id)
);

-- 答复 Department reply (a returned reply is kept; the next one is a new row)
CREATE TABLE department_reply (
  id              BIGINT        NOT NULL PRIMARY KEY,
  demand_id       BIGINT        NOT NULL,
  department      VARCHAR(40)   NOT NULL,
  reply_text      TEXT          NOT NULL,
  replied_by      VARCHAR(64)   NOT NULL,
  replied_at      DATETIME(3)   NOT NULL,
  due_at          DATETIME(3),
  review_result   VARCHAR(20),
  review_comment  VARCHAR(2000),
  reviewed_by     VARCHAR(64),
  reviewed_at     DATETIME(3),
  CONSTRAINT fk_department_reply_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_department_reply_demand ON department_reply (demand_id, replied_at);
CREATE INDEX ix_department_reply_department ON department_reply (department, replied_at);

-- 提案 Proposal (drafted from a matter; registration review)
CREATE TABLE proposal (
  id                     BIGINT        NOT NULL PRIMARY KEY,
  demand_id              BIGINT        NOT NULL,
  title                  VARCHAR(200)  NOT NULL,
  reasons                TEXT          NOT NULL,
  suggestions            TEXT          NOT NULL,
  proposers              VARCHAR(500)  NOT NULL,
  drafted_by             VARCHAR(64)   NOT NULL,
  drafted_at             DATETIME(3)   NOT NULL,
  registration_decision  VARCHAR(20),
  registration_comment   VARCHAR(2000),
  reviewed_by            VARCHAR(64),
  reviewed_at            DATETIME(3),
  CONSTRAINT fk_proposal_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_proposal_demand ON proposal (demand_id);

-- 公示 Publicity notice: only what may be public (no personal data)
CREATE TABLE publicity_notice (
  id              BIGINT        NOT NULL PRIMARY KEY,
  demand_id       BIGINT        NOT NULL,
  tracking_code   VARCHAR(24)   NOT NULL,
  title           VARCHAR(200)  NOT NULL,
  route           VARCHAR(20)   NOT NULL,
  handling_unit   VARCHAR(100),
  result          TEXT          NOT NULL,
  published_at    DATETIME(3)   NOT NULL,
  closes_at       DATETIME(3)   NOT NULL,
  closed_at       DATETIME(3),
  CONSTRAINT fk_publicity_notice_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_publicity_notice_published ON publicity_notice (published_at);
CREATE INDEX ix_publicity_notice_demand ON publicity_notice (demand_id);
