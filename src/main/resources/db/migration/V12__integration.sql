-- Risk's copy of the shops' fake-tracking incidents (claims.ShopIncidentRecorded), for the seller scorecard's
-- no/fake-tracking metric. Late shipments and out-of-stock/delisted cancellations keep their other sources (risk's
-- copies of orders and claims), so only FAKE_TRACKING incidents are stored: one source per metric.
CREATE TABLE risk_shop_incidents (
  shop_id     BIGINT      NOT NULL,
  kind        VARCHAR(40) NOT NULL,
  order_id    BIGINT      NOT NULL,
  claim_id    BIGINT,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (shop_id, kind, order_id, occurred_at)
);
CREATE INDEX risk_shop_incidents_shop_idx ON risk_shop_incidents (shop_id, occurred_at);
