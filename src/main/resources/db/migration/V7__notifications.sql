-- In-app notifications: to a user or to everyone of a group; who has read them.
CREATE TABLE notification (
  id               BIGINT        NOT NULL PRIMARY KEY,
  recipient_user   VARCHAR(64),
  recipient_group  VARCHAR(64),
  kind             VARCHAR(30)   NOT NULL,
  title            VARCHAR(200)  NOT NULL,
  message          VARCHAR(1000) NOT NULL,
  tracking_code    VARCHAR(24),
  created_at       DATETIME(3)   NOT NULL
);
CREATE INDEX ix_notification_user ON notification (recipient_user, created_at);
CREATE INDEX ix_notification_group ON notification (recipient_group, created_at);

CREATE TABLE notification_read (
  notification_id  BIGINT       NOT NULL,
  user_id          VARCHAR(64)  NOT NULL,
  read_at          DATETIME(3)  NOT NULL,
  PRIMARY KEY (notification_id, user_id),
  CONSTRAINT fk_notification_read FOREIGN KEY (notification_id) REFERENCES notification (id)
);
