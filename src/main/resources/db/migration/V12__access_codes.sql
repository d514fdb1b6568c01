-- 查询码 (access code): only a keyed hash of each demand's code is kept (HMAC-SHA256 with the installation's
-- secret); the code itself is shown once, on the submitter's receipt.
ALTER TABLE demand ADD COLUMN access_code_hash VARCHAR(64);
ALTER TABLE demand ADD COLUMN access_code_issued_at DATETIME(3);

-- The installation's secret for those hashes, made once by V13 and shared by every node through the database.
CREATE TABLE server_secret (
  name         VARCHAR(40)  NOT NULL PRIMARY KEY,
  secret_value VARCHAR(128) NOT NULL
);

-- Wrong access codes per tracking code: 5 within 15 minutes lock the code out, on every node alike.
CREATE TABLE access_code_failure (
  id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tracking_code VARCHAR(32) NOT NULL,
  failed_at     DATETIME(3) NOT NULL
);
CREATE INDEX ix_access_code_failure ON access_code_failure (tracking_code, failed_at);

-- Who spoke for the submitter: the submitter with the access code (PUBLIC) or staff on a phone callback.
ALTER TABLE satisfaction_evaluation ADD COLUMN channel VARCHAR(20);
ALTER TABLE satisfaction_evaluation ADD COLUMN recorded_by VARCHAR(64);
