-- The agent's workspace shows the shop's record on every view: the shop's claims counted by status and outcome, and
-- how many an agent decided. For a shop with 40,000 claims that read every one of its claim rows (171 ms on the
-- 1,000,000-order folder). With the outcome and the decision time in the index, it reads the index alone (an
-- index-only scan, 29 ms with the index not yet in memory). The index keeps its name and its leading columns: the
-- seller's lists and capped counts by status use it as before.
DROP INDEX claims_shop_status_idx;
CREATE INDEX claims_shop_status_idx ON claims (shop_id, status, outcome) INCLUDE (decided_at);
