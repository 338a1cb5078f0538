-- Ordering: the ship-by watcher lists late unshipped orders by ordering's own index. When the desk has acted on an
-- order's missed ship-by time (its NO_TRACKING case was opened), the order is noted and leaves the index, so listing
-- costs what is due, not what the desk holds.
ALTER TABLE orders ADD COLUMN ship_by_lapse_noted_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX orders_ship_by_lapse_idx ON orders (ship_by, id)
  WHERE status = 'AWAITING_SHIPMENT' AND ship_by_lapse_noted_at IS NULL;
-- Most orders are shipped and never noted: without these statistics the planner takes "not noted" for nearly every
-- order, also among the unshipped ones, and may prefer another index on the unshipped orders that walks the late
-- orders already acted on.
CREATE STATISTICS orders_ship_by_lapse_stats (mcv) ON status, (ship_by_lapse_noted_at IS NULL) FROM orders;

-- The older index on the ship-by time of every unshipped order would let the planner walk the late orders already
-- acted on as well; the shop's list of orders to ship (orders_shop_to_ship_idx) serves the rare holiday extension.
DROP INDEX orders_awaiting_ship_by_idx;
