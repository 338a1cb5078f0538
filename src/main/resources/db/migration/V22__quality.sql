-- Product quality (docs/quality.md): daily counters per shop, SKU, claim reason and day, kept by the quality module's
-- listeners as claims are filed and refunds paid; units sold per shop, SKU and day, kept as orders are placed and
-- cancelled; the claims behind the counters (a flagged product's list); and the events already counted, so that an
-- event delivered twice counts once. The days are calendar days in the desk's display zone.

CREATE TABLE quality_products (
  shop_id    BIGINT       NOT NULL,
  sku        VARCHAR(64)  NOT NULL,
  product_id BIGINT,
  title      VARCHAR(200) NOT NULL,
  CONSTRAINT quality_products_pk PRIMARY KEY (shop_id, sku)
);

-- the page reads one shop's days: the key starts with shop and day, so a window is one index range
CREATE TABLE quality_daily (
  shop_id            BIGINT      NOT NULL,
  day                DATE        NOT NULL,
  sku                VARCHAR(64) NOT NULL,
  reason             VARCHAR(32) NOT NULL,
  claims             INTEGER     NOT NULL DEFAULT 0,
  claimed_units      INTEGER     NOT NULL DEFAULT 0,
  short_corroborated INTEGER     NOT NULL DEFAULT 0,
  refunds            INTEGER     NOT NULL DEFAULT 0,
  refunded_units     INTEGER     NOT NULL DEFAULT 0,
  refunded_minor     BIGINT      NOT NULL DEFAULT 0,
  CONSTRAINT quality_daily_pk PRIMARY KEY (shop_id, day, sku, reason)
);

CREATE TABLE quality_units_sold (
  shop_id BIGINT      NOT NULL,
  day     DATE        NOT NULL,
  sku     VARCHAR(64) NOT NULL,
  units   INTEGER     NOT NULL DEFAULT 0,
  orders  INTEGER     NOT NULL DEFAULT 0,
  CONSTRAINT quality_units_sold_pk PRIMARY KEY (shop_id, day, sku)
);

CREATE TABLE quality_claims (
  claim_id           BIGINT      NOT NULL,
  sku                VARCHAR(64) NOT NULL,
  shop_id            BIGINT      NOT NULL,
  claim_number       VARCHAR(16) NOT NULL,
  type               VARCHAR(32) NOT NULL,
  reason             VARCHAR(32) NOT NULL,
  units              INTEGER     NOT NULL,
  short_corroborated BOOLEAN     NOT NULL,
  filed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT quality_claims_pk PRIMARY KEY (claim_id, sku)
);
CREATE INDEX quality_claims_shop_sku_idx ON quality_claims (shop_id, sku, filed_at DESC);

CREATE TABLE quality_counted (
  event_key  VARCHAR(80) PRIMARY KEY,
  counted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
