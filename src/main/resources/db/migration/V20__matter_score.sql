-- Issue #23: each consulted matter's score stored as the scorecard's evaluator gave it, so the rankings of a year
-- are SQL aggregates instead of a Drools run over every matter of the period on every call.
-- rank_key sorts as the matters list does: total descending, then tracking code (printf "%05d%s", 99999 - total
-- in tenths, tracking code). rules_version: the scorecard rules and scoring code the score was computed with.
-- valid_after / valid_until: the score holds while now is after the one and not after the other (a reply due in
-- between turns late by time alone); revision: bumped by every write, so an older computation never overwrites a newer.
CREATE TABLE matter_score (
  demand_id      BIGINT         NOT NULL PRIMARY KEY,
  tracking_code  VARCHAR(24)    NOT NULL,
  consulted_at   DATETIME(3)    NOT NULL,
  township       VARCHAR(100)   NOT NULL,
  platform_id    BIGINT,
  platform_name  VARCHAR(100),
  total          DECIMAL(6, 1)  NOT NULL,
  grade          VARCHAR(50)    NOT NULL,
  rank_key       VARCHAR(40)    NOT NULL,
  rules_version  VARCHAR(64)    NOT NULL,
  valid_after    DATETIME(3),
  valid_until    DATETIME(3),
  revision       BIGINT         NOT NULL,
  computed_at    DATETIME(3)    NOT NULL,
  score_json     TEXT           NOT NULL
);
-- covering indexes of a period's reads: whether any score is outdated, and the rankings' sums
CREATE INDEX ix_matter_score_fresh ON matter_score (consulted_at, rules_version, valid_after, valid_until);
CREATE INDEX ix_matter_score_sums ON matter_score (consulted_at, township, platform_id, total, rank_key);
CREATE INDEX ix_matter_score_rank ON matter_score (rank_key);
CREATE INDEX ix_matter_score_rules ON matter_score (rules_version);

-- Each indicator's weighted score of a matter, with the matter's period and groups: the rankings' indicator means.
CREATE TABLE matter_score_indicator (
  demand_id      BIGINT         NOT NULL,
  indicator_key  VARCHAR(64)    NOT NULL,
  consulted_at   DATETIME(3)    NOT NULL,
  township       VARCHAR(100)   NOT NULL,
  platform_id    BIGINT,
  score          DECIMAL(6, 1)  NOT NULL,
  PRIMARY KEY (demand_id, indicator_key)
);
CREATE INDEX ix_matter_score_indicator_period ON matter_score_indicator (consulted_at, township, platform_id, indicator_key, score);

-- The items a matter lost or was deducted for: the rankings' "most lost" (补短板).
CREATE TABLE matter_score_lost (
  demand_id      BIGINT         NOT NULL,
  item_key       VARCHAR(64)    NOT NULL,
  item_label     VARCHAR(200)   NOT NULL,
  consulted_at   DATETIME(3)    NOT NULL,
  township       VARCHAR(100)   NOT NULL,
  platform_id    BIGINT,
  rank_key       VARCHAR(40)    NOT NULL,
  PRIMARY KEY (demand_id, item_key)
);
CREATE INDEX ix_matter_score_lost_period ON matter_score_lost (consulted_at, township, platform_id, item_key, rank_key);

-- Matters whose records changed since their score was stored (written in the same transaction as the change);
-- drained by a background worker and by any read of the matter's period, so none is ever answered stale.
CREATE TABLE matter_score_change (
  id         BIGINT  NOT NULL AUTO_INCREMENT PRIMARY KEY,
  demand_id  BIGINT  NOT NULL
);
CREATE INDEX ix_matter_score_change_demand ON matter_score_change (demand_id);

-- An existing installation: every matter already met about is scored by the worker after start-up (or on first need).
INSERT INTO matter_score_change (demand_id) SELECT DISTINCT demand_id FROM meeting WHERE recorded_at IS NOT NULL;
