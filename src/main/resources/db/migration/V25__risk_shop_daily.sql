-- Seller scorecards from per-shop, per-day counters instead of every order, claim, decision and rating of the shop
-- over 90 days.
--
-- risk_shop_contributions says what each row of risk's read models adds to a shop's scorecard, and when (the time
-- that decides whether it falls in a window: paid, cancelled, filed, decided, rated, occurred). Some rows add in one
-- place and take away in another, so that the sum over "everything at or after the window's start" is exactly the
-- row-by-row rule of the scorecard:
--  * an out-of-stock/delisted cancellation counts unless a DELISTED claim of the order was filed in the window:
--    +1 when cancelled, and -1 when the order's latest DELISTED claim was filed, if that was before the cancellation;
--  * a fake-tracking incident counts once per order unless a NO_TRACKING claim of the order was filed in the window:
--    +1 at the order's latest incident, -1 at its latest NO_TRACKING claim if that came before;
--  * seller at fault: an appeal's decision replaces the first one: the appeal counts its own verdict, and the first
--    decision only where it is the later of the two.
-- risk_shop_daily holds those sums per shop and UTC day. The risk module keeps it up to date in the transaction that
-- changes a read model row (it adds what the row contributes after the change less what it contributed before, so a
-- redelivered event adds nothing), and reads a window as its whole days from here and its first, partial day from
-- the view. The median first response is not a sum: it is computed from risk_claims_answered_idx.

CREATE VIEW risk_shop_contributions AS
-- orders, by when paid: counted, shipped after their ship-by time, neither shipped nor cancelled
SELECT o.shop_id, 'ORDER'::text AS source, o.order_id AS source_id, o.paid_at AS at,
       1 AS orders,
       CASE WHEN o.shipped_at > o.ship_by THEN 1 ELSE 0 END AS late_shipped,
       CASE WHEN o.shipped_at IS NULL AND o.cancelled_at IS NULL THEN 1 ELSE 0 END AS unshipped,
       0 AS claims, 0 AS short_shipments, 0 AS no_tracking, 0 AS out_of_stock, 0 AS answered,
       0 AS within_deadline, 0 AS escalated, 0 AS seller_at_fault, 0 AS ratings, 0 AS stars
FROM risk_orders o
UNION ALL
-- an order cancelled out of stock or delisted, when cancelled (none if a DELISTED claim was filed at or after it)
SELECT o.shop_id, 'ORDER', o.order_id, o.cancelled_at, 0, 0, 0, 0, 0, 0,
       CASE WHEN d.filed_at IS NULL OR d.filed_at < o.cancelled_at THEN 1 ELSE 0 END,
       0, 0, 0, 0, 0, 0
FROM risk_orders o
LEFT JOIN LATERAL (SELECT max(c.filed_at) AS filed_at FROM risk_claims c
                   WHERE c.order_id = o.order_id AND c.shop_id = o.shop_id AND c.type = 'DELISTED') d ON true
WHERE o.cancelled_at IS NOT NULL AND o.cancellation_reason IN ('OUT_OF_STOCK', 'DELISTED')
UNION ALL
-- ... taken back when the order's latest DELISTED claim was filed before the cancellation
SELECT c.shop_id, 'ORDER', c.order_id, c.filed_at, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0
FROM risk_claims c
JOIN risk_orders o ON o.order_id = c.order_id AND o.shop_id = c.shop_id
WHERE c.type = 'DELISTED' AND o.cancelled_at > c.filed_at
  AND o.cancellation_reason IN ('OUT_OF_STOCK', 'DELISTED')
  AND NOT EXISTS (SELECT 1 FROM risk_claims l WHERE l.order_id = c.order_id AND l.shop_id = c.shop_id
                  AND l.type = 'DELISTED' AND (l.filed_at, l.claim_id) > (c.filed_at, c.claim_id))
UNION ALL
-- an order's fake-tracking incidents, once, at the latest (none if a NO_TRACKING claim was filed at or after it)
SELECT i.shop_id, 'ORDER', i.order_id, i.occurred_at, 0, 0, 0, 0, 0,
       CASE WHEN n.filed_at IS NULL OR n.filed_at < i.occurred_at THEN 1 ELSE 0 END,
       0, 0, 0, 0, 0, 0, 0
FROM risk_shop_incidents i
LEFT JOIN LATERAL (SELECT max(c.filed_at) AS filed_at FROM risk_claims c
                   WHERE c.order_id = i.order_id AND c.shop_id = i.shop_id AND c.type = 'NO_TRACKING') n ON true
WHERE i.kind = 'FAKE_TRACKING'
  AND NOT EXISTS (SELECT 1 FROM risk_shop_incidents l WHERE l.shop_id = i.shop_id AND l.kind = 'FAKE_TRACKING'
                  AND l.order_id = i.order_id AND l.occurred_at > i.occurred_at)
UNION ALL
-- ... taken back when the order's latest NO_TRACKING claim was filed before the latest incident
SELECT c.shop_id, 'ORDER', c.order_id, c.filed_at, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0
FROM risk_claims c
WHERE c.type = 'NO_TRACKING'
  AND EXISTS (SELECT 1 FROM risk_shop_incidents i WHERE i.shop_id = c.shop_id AND i.kind = 'FAKE_TRACKING'
              AND i.order_id = c.order_id AND i.occurred_at > c.filed_at)
  AND NOT EXISTS (SELECT 1 FROM risk_claims l WHERE l.order_id = c.order_id AND l.shop_id = c.shop_id
                  AND l.type = 'NO_TRACKING' AND (l.filed_at, l.claim_id) > (c.filed_at, c.claim_id))
UNION ALL
-- claims, by when filed: filed by the buyer, missing items, no tracking and delisted (whoever opened them), the
-- first answer (not fast-track or withdrawal) and whether the seller gave it, escalated
SELECT c.shop_id, 'CLAIM', c.claim_id, c.filed_at, 0, 0, 0,
       CASE WHEN c.filed_by_buyer THEN 1 ELSE 0 END,
       CASE WHEN c.filed_by_buyer AND c.type = 'MISSING_ITEM' THEN 1 ELSE 0 END,
       CASE WHEN c.type = 'NO_TRACKING' THEN 1 ELSE 0 END,
       CASE WHEN c.type = 'DELISTED' THEN 1 ELSE 0 END,
       CASE WHEN c.filed_by_buyer AND c.first_answer_at IS NOT NULL
                 AND coalesce(c.first_answer_action, '') NOT IN ('FAST_TRACKED', 'WITHDRAWN') THEN 1 ELSE 0 END,
       CASE WHEN c.filed_by_buyer AND c.first_answer_at IS NOT NULL
                 AND coalesce(c.first_answer_action, '') NOT IN ('FAST_TRACKED', 'WITHDRAWN')
                 AND c.first_answer_role = 'SELLER' THEN 1 ELSE 0 END,
       CASE WHEN c.filed_by_buyer AND c.escalated THEN 1 ELSE 0 END,
       0, 0, 0
FROM risk_claims c
UNION ALL
-- decisions, by when made: the appeal's verdict (less the first decision's if that came later), the first decision's
-- where there is no appeal or it came after the appeal
SELECT d.shop_id, 'DECISION', d.claim_id, d.decided_at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
       CASE WHEN d.appeal THEN (CASE WHEN d.seller_at_fault THEN 1 ELSE 0 END)
                 - (CASE WHEN f.seller_at_fault AND f.decided_at > d.decided_at THEN 1 ELSE 0 END)
            WHEN f.claim_id IS NULL OR d.decided_at > f.decided_at
                 THEN (CASE WHEN d.seller_at_fault THEN 1 ELSE 0 END)
            ELSE 0 END,
       0, 0
FROM risk_decisions d
LEFT JOIN risk_decisions f ON f.claim_id = d.claim_id AND f.appeal <> d.appeal
UNION ALL
-- ratings, by when given
SELECT r.shop_id, 'RATING', r.claim_id, r.rated_at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, r.stars::integer
FROM claim_ratings r;

CREATE TABLE risk_shop_daily (
  shop_id         BIGINT  NOT NULL,
  day             DATE    NOT NULL,
  orders          INTEGER NOT NULL DEFAULT 0,
  late_shipped    INTEGER NOT NULL DEFAULT 0,
  unshipped       INTEGER NOT NULL DEFAULT 0,
  claims          INTEGER NOT NULL DEFAULT 0,
  short_shipments INTEGER NOT NULL DEFAULT 0,
  no_tracking     INTEGER NOT NULL DEFAULT 0,
  out_of_stock    INTEGER NOT NULL DEFAULT 0,
  answered        INTEGER NOT NULL DEFAULT 0,
  within_deadline INTEGER NOT NULL DEFAULT 0,
  escalated       INTEGER NOT NULL DEFAULT 0,
  seller_at_fault INTEGER NOT NULL DEFAULT 0,
  ratings         INTEGER NOT NULL DEFAULT 0,
  stars           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (shop_id, day)
);

-- what the view's lookups and a window's first day need
CREATE INDEX risk_claims_order_idx ON risk_claims (order_id, type);
CREATE INDEX risk_orders_shop_cancelled_idx ON risk_orders (shop_id, cancelled_at)
  WHERE cancellation_reason IN ('OUT_OF_STOCK', 'DELISTED');
-- orders still to ship: those whose ship-by time is yet to come are not late (yet)
CREATE INDEX risk_orders_unshipped_idx ON risk_orders (shop_id, ship_by)
  WHERE shipped_at IS NULL AND cancelled_at IS NULL;
-- the median first response: answered buyer claims by shop and filing time, with the answer's time
CREATE INDEX risk_claims_answered_idx ON risk_claims (shop_id, filed_at) INCLUDE (first_answer_at)
  WHERE filed_by_buyer AND first_answer_at IS NOT NULL
    AND coalesce(first_answer_action, '') NOT IN ('FAST_TRACKED', 'WITHDRAWN');

-- the counters of everything already in the read models
INSERT INTO risk_shop_daily (shop_id, day, orders, late_shipped, unshipped, claims, short_shipments, no_tracking,
                             out_of_stock, answered, within_deadline, escalated, seller_at_fault, ratings, stars)
SELECT shop_id, (at AT TIME ZONE 'UTC')::date, sum(orders), sum(late_shipped), sum(unshipped), sum(claims),
       sum(short_shipments), sum(no_tracking), sum(out_of_stock), sum(answered), sum(within_deadline), sum(escalated),
       sum(seller_at_fault), sum(ratings), sum(stars)
FROM risk_shop_contributions
GROUP BY 1, 2;
