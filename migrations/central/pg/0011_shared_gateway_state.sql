-- State every gateway on this database shares (several `yzt central serve` behind a load balancer):
-- attempt counts per source on the routes that take guesses, and the kiosk request signatures
-- already taken (a replay to another gateway is refused too). Rows expire; the gateways sweep them.
-- Logged tables on purpose: after a failover to the replica the promoted primary still refuses
-- a replay of a request taken minutes before.
CREATE TABLE gateway_attempts (
  bucket TEXT NOT NULL,
  source TEXT NOT NULL,
  window_start_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (bucket, source)
);
CREATE INDEX gateway_attempts_expiry ON gateway_attempts (expires_ms);

CREATE TABLE seen_signatures (
  device_id TEXT NOT NULL,
  signature TEXT NOT NULL,
  expires_ms BIGINT NOT NULL,
  PRIMARY KEY (device_id, signature)
);
CREATE INDEX seen_signatures_expiry ON seen_signatures (expires_ms);
