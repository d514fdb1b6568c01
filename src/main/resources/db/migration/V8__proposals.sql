-- 提案办理与"回头看" (DOMAIN.md §6): the proposal's life after drafting, the matters it gathers,
-- the units' contact with the proposer, replies with their class, evaluations, follow-up reviews
-- and the 社情民意 reports forwarded instead of registering.

ALTER TABLE proposal ADD COLUMN proposal_number  VARCHAR(20);
ALTER TABLE proposal ADD COLUMN status           VARCHAR(30)   NOT NULL DEFAULT 'REGISTRATION_REVIEW';
ALTER TABLE proposal ADD COLUMN tracking_code    VARCHAR(20);
ALTER TABLE proposal ADD COLUMN category         VARCHAR(30);
ALTER TABLE proposal ADD COLUMN affected_people  INT           NOT NULL DEFAULT 0;
ALTER TABLE proposal ADD COLUMN proposer_ids     VARCHAR(500);
ALTER TABLE proposal ADD COLUMN merged_into_id   BIGINT;
ALTER TABLE proposal ADD COLUMN lead_unit        VARCHAR(40);
ALTER TABLE proposal ADD COLUMN co_units         VARCHAR(500);
ALTER TABLE proposal ADD COLUMN assigned_at      DATETIME(3);
ALTER TABLE proposal ADD COLUMN reply_due_at     DATETIME(3);
ALTER TABLE proposal ADD COLUMN first_replied_at DATETIME(3);
ALTER TABLE proposal ADD COLUMN reply_class      VARCHAR(10);
ALTER TABLE proposal ADD COLUMN evaluation       VARCHAR(20);
ALTER TABLE proposal ADD COLUMN closed_at        DATETIME(3);
CREATE UNIQUE INDEX ux_proposal_number ON proposal (proposal_number);
CREATE INDEX ix_proposal_status ON proposal (status);
CREATE INDEX ix_proposal_unit_class ON proposal (lead_unit, reply_class);

-- the matters a proposal gathers (the originating one and those merged into it)
CREATE TABLE proposal_matter (
  id           BIGINT        NOT NULL PRIMARY KEY,
  proposal_id  BIGINT        NOT NULL,
  demand_id    BIGINT        NOT NULL,
  linked_at    DATETIME(3)   NOT NULL,
  how          VARCHAR(20)   NOT NULL,
  CONSTRAINT fk_proposal_matter_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_proposal_matter_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE UNIQUE INDEX ux_proposal_matter ON proposal_matter (proposal_id, demand_id);
CREATE INDEX ix_proposal_matter_demand ON proposal_matter (demand_id);

-- 沟通协商: the unit's contact with the proposer before replying
CREATE TABLE proposal_contact (
  id             BIGINT        NOT NULL PRIMARY KEY,
  proposal_id    BIGINT        NOT NULL,
  handling_round INT           NOT NULL,
  unit           VARCHAR(40)   NOT NULL,
  contact_way    VARCHAR(20)   NOT NULL,
  contacted_on   DATE          NOT NULL,
  proposer_view  TEXT          NOT NULL,
  recorded_by    VARCHAR(64)   NOT NULL,
  recorded_at    DATETIME(3)   NOT NULL,
  CONSTRAINT fk_proposal_contact_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_proposal_contact_proposal ON proposal_contact (proposal_id);

-- 答复: first reply, re-handling after 不满意, second handling after a follow-up review
CREATE TABLE proposal_reply (
  id             BIGINT        NOT NULL PRIMARY KEY,
  proposal_id    BIGINT        NOT NULL,
  kind           VARCHAR(20)   NOT NULL,
  handling_round INT           NOT NULL,
  unit           VARCHAR(40)   NOT NULL,
  reply_class    VARCHAR(10)   NOT NULL,
  reply_text     TEXT          NOT NULL,
  due_at         DATETIME(3),
  replied_by     VARCHAR(64)   NOT NULL,
  replied_at     DATETIME(3)   NOT NULL,
  clock_id       BIGINT,
  CONSTRAINT fk_proposal_reply_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_proposal_reply_proposal ON proposal_reply (proposal_id);

-- 提案者评价 (none within the window = 满意, recorded as defaulted)
CREATE TABLE proposal_evaluation (
  id            BIGINT        NOT NULL PRIMARY KEY,
  proposal_id   BIGINT        NOT NULL,
  reply_id      BIGINT,
  result        VARCHAR(20)   NOT NULL,
  comment_text  VARCHAR(2000),
  defaulted     BOOLEAN       NOT NULL,
  evaluated_by  VARCHAR(64)   NOT NULL,
  evaluated_at  DATETIME(3)   NOT NULL,
  CONSTRAINT fk_proposal_evaluation_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_proposal_evaluation_proposal ON proposal_evaluation (proposal_id);

-- 回头看 Follow-up review of a class-B reply
CREATE TABLE follow_up_review (
  id                     BIGINT        NOT NULL PRIMARY KEY,
  proposal_id            BIGINT        NOT NULL,
  review_round           INT           NOT NULL,
  class_before           VARCHAR(10)   NOT NULL,
  started_at             DATETIME(3)   NOT NULL,
  progress_report        TEXT,
  proposed_class         VARCHAR(10),
  self_checked_by        VARCHAR(64),
  self_checked_at        DATETIME(3),
  key_supervision        BOOLEAN,
  selection_reasons      VARCHAR(1000),
  inspection_findings    TEXT,
  inspected_class        VARCHAR(10),
  inspected_by           VARCHAR(64),
  inspected_at           DATETIME(3),
  causes                 TEXT,
  cause_reviewed_by      VARCHAR(64),
  cause_reviewed_at      DATETIME(3),
  second_handling_due_at DATETIME(3),
  class_after            VARCHAR(10),
  closed_at              DATETIME(3),
  CONSTRAINT fk_follow_up_review_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE UNIQUE INDEX ux_follow_up_review_round ON follow_up_review (proposal_id, review_round);
CREATE INDEX ix_follow_up_review_open ON follow_up_review (closed_at);

-- 社情民意: what the committee forwards instead of registering a proposal
CREATE TABLE social_opinion_report (
  id            BIGINT        NOT NULL PRIMARY KEY,
  proposal_id   BIGINT        NOT NULL,
  demand_id     BIGINT        NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  content       TEXT          NOT NULL,
  reasons       VARCHAR(2000) NOT NULL,
  forwarded_by  VARCHAR(64)   NOT NULL,
  forwarded_at  DATETIME(3)   NOT NULL,
  CONSTRAINT fk_social_opinion_report_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
  CONSTRAINT fk_social_opinion_report_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_social_opinion_report_demand ON social_opinion_report (demand_id);

-- the proposal number sequence per year (提案号 2026-001)
CREATE TABLE proposal_number_seq (
  year_no   INT     NOT NULL PRIMARY KEY,
  last_no   INT     NOT NULL
);
