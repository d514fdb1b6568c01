-- 公示与回访 (DOMAIN.md §7): objections to a notice, the submitters' satisfaction evaluations, and the
-- API keys Open311 clients write with.

ALTER TABLE publicity_notice ADD COLUMN withdrawn_at DATETIME(3);
ALTER TABLE publicity_notice ADD COLUMN handling_round INT NOT NULL DEFAULT 1;

-- 异议: anyone may object during publicity; the liaison office upholds or dismisses with an answer
CREATE TABLE publicity_objection (
  id            BIGINT        NOT NULL PRIMARY KEY,
  notice_id     BIGINT        NOT NULL,
  demand_id     BIGINT        NOT NULL,
  reason        VARCHAR(2000) NOT NULL,
  submitted_at  DATETIME(3)   NOT NULL,
  status        VARCHAR(20)   NOT NULL,
  answer        VARCHAR(2000),
  decided_by    VARCHAR(64),
  decided_at    DATETIME(3),
  CONSTRAINT fk_publicity_objection_notice FOREIGN KEY (notice_id) REFERENCES publicity_notice (id),
  CONSTRAINT fk_publicity_objection_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE INDEX ix_publicity_objection_notice ON publicity_objection (notice_id);

-- 满意度回访: one per demand of the matter (merged duplicates included) and handling round
CREATE TABLE satisfaction_evaluation (
  id              BIGINT        NOT NULL PRIMARY KEY,
  matter_id       BIGINT        NOT NULL,
  demand_id       BIGINT        NOT NULL,
  handling_round  INT           NOT NULL,
  lead_department VARCHAR(40),
  status          VARCHAR(20)   NOT NULL,
  rating          VARCHAR(30),
  comment_text    VARCHAR(2000),
  requested_at    DATETIME(3)   NOT NULL,
  due_at          DATETIME(3)   NOT NULL,
  answered_at     DATETIME(3),
  CONSTRAINT fk_satisfaction_evaluation_matter FOREIGN KEY (matter_id) REFERENCES demand (id),
  CONSTRAINT fk_satisfaction_evaluation_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE UNIQUE INDEX ux_satisfaction_evaluation ON satisfaction_evaluation (demand_id, handling_round);
CREATE INDEX ix_satisfaction_evaluation_matter ON satisfaction_evaluation (matter_id, status);
CREATE INDEX ix_satisfaction_evaluation_answered ON satisfaction_evaluation (answered_at);

-- Open311 API keys (only the SHA-256 of a key is kept; the key is shown once when created)
CREATE TABLE open311_api_key (
  id          BIGINT        NOT NULL PRIMARY KEY,
  name        VARCHAR(100)  NOT NULL,
  key_hash    VARCHAR(64)   NOT NULL,
  key_prefix  VARCHAR(12)   NOT NULL,
  created_by  VARCHAR(64)   NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  revoked_at  DATETIME(3),
  last_used_at DATETIME(3)
);
CREATE UNIQUE INDEX ux_open311_api_key_hash ON open311_api_key (key_hash);
