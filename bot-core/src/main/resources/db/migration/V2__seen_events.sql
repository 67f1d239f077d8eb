-- Platform events and signed requests the bot has already acted on, so that a retry or a replay
-- (also one that arrives after a restart, or at another instance) is recognised and skipped. Rows
-- are only needed until expires_at; later they may be taken over or deleted.
CREATE TABLE seen_events (
  event_key VARCHAR(255) PRIMARY KEY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX seen_events_expiry ON seen_events (expires_at);
