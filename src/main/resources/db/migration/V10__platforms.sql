-- 协商平台 (DOMAIN.md §10): where consultation happens, the members linked to it, its "六有" checks, and the
-- meetings held there.
CREATE TABLE platform (
  id          BIGINT        NOT NULL PRIMARY KEY,
  name        VARCHAR(100)  NOT NULL,
  kind        VARCHAR(30)   NOT NULL,
  township    VARCHAR(100)  NOT NULL,
  village     VARCHAR(100),
  address     VARCHAR(200),
  created_by  VARCHAR(64)   NOT NULL,
  created_at  DATETIME(3)   NOT NULL
);
CREATE UNIQUE INDEX ux_platform_name ON platform (township, name);

CREATE TABLE platform_member (
  id              BIGINT       NOT NULL PRIMARY KEY,
  platform_id     BIGINT       NOT NULL,
  member_user_id  VARCHAR(64)  NOT NULL,
  linked_at       DATETIME(3)  NOT NULL,
  CONSTRAINT fk_platform_member_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
CREATE UNIQUE INDEX ux_platform_member ON platform_member (platform_id, member_user_id);

-- one row per check of one "六有" item; the latest check of each item is in force
CREATE TABLE platform_check (
  id           BIGINT        NOT NULL PRIMARY KEY,
  platform_id  BIGINT        NOT NULL,
  item         VARCHAR(20)   NOT NULL,
  met          BOOLEAN       NOT NULL,
  evidence     VARCHAR(1000) NOT NULL,
  checked_on   DATE          NOT NULL,
  checked_by   VARCHAR(64)   NOT NULL,
  recorded_at  DATETIME(3)   NOT NULL,
  CONSTRAINT fk_platform_check_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
CREATE INDEX ix_platform_check ON platform_check (platform_id, item, checked_on);

ALTER TABLE meeting ADD COLUMN platform_id BIGINT;
CREATE INDEX ix_meeting_platform ON meeting (platform_id, recorded_at);
