-- 网络协商 (DOMAIN.md §10): an online round of a meeting; invited residents and stakeholders give one opinion each
-- through an expiring link, without an account; the convenor closes the round into the meeting record.
CREATE TABLE consultation_round (
  id                BIGINT        NOT NULL PRIMARY KEY,
  meeting_id        BIGINT        NOT NULL,
  demand_id         BIGINT        NOT NULL,
  opened_by         VARCHAR(64)   NOT NULL,
  opened_at         DATETIME(3)   NOT NULL,
  expires_at        DATETIME(3)   NOT NULL,
  closed_by         VARCHAR(64),
  closed_at         DATETIME(3),
  support_count     INT,
  oppose_count      INT,
  suggestion_count  INT,
  CONSTRAINT fk_consultation_round_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
  CONSTRAINT fk_consultation_round_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
);
CREATE UNIQUE INDEX ux_consultation_round_meeting ON consultation_round (meeting_id);
CREATE INDEX ix_consultation_round_demand ON consultation_round (demand_id);

-- one link per invitee; the token is the invitee's only credential (random, 128 bits), shown to the convenor
CREATE TABLE round_invitation (
  id                BIGINT        NOT NULL PRIMARY KEY,
  round_id          BIGINT        NOT NULL,
  token             VARCHAR(64)   NOT NULL,
  invitee           VARCHAR(100)  NOT NULL,
  participant_kind  VARCHAR(30)   NOT NULL,
  created_by        VARCHAR(64)   NOT NULL,
  created_at        DATETIME(3)   NOT NULL,
  CONSTRAINT fk_round_invitation_round FOREIGN KEY (round_id) REFERENCES consultation_round (id)
);
CREATE UNIQUE INDEX ux_round_invitation_token ON round_invitation (token);
CREATE INDEX ix_round_invitation_round ON round_invitation (round_id);

-- one opinion per invitation: the unique index refuses a second one, also from two nodes at once
CREATE TABLE round_opinion (
  id             BIGINT        NOT NULL PRIMARY KEY,
  round_id       BIGINT        NOT NULL,
  invitation_id  BIGINT        NOT NULL,
  stance         VARCHAR(20)   NOT NULL,
  opinion_text   VARCHAR(2000),
  submitted_at   DATETIME(3)   NOT NULL,
  CONSTRAINT fk_round_opinion_round FOREIGN KEY (round_id) REFERENCES consultation_round (id),
  CONSTRAINT fk_round_opinion_invitation FOREIGN KEY (invitation_id) REFERENCES round_invitation (id)
);
CREATE UNIQUE INDEX ux_round_opinion_invitation ON round_opinion (invitation_id);
CREATE INDEX ix_round_opinion_round ON round_opinion (round_id, submitted_at);

-- the closed round's counts and suggestions, part of the meeting record
ALTER TABLE meeting ADD COLUMN online_opinions TEXT;
