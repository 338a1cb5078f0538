-- Keyset paging of the deep lists (docs/pages.md, "Paging"; docs/performance.md, "Deep lists").

-- a shop's claims waiting for its seller, soonest due first: one range of this index per page, in order
-- (claims_shop_party_due_idx keeps SELLER and BOTH apart, so reading both in due order needed a sort)
CREATE INDEX claims_shop_seller_due_idx ON claims (shop_id, due_at, id) WHERE party_to_act IN ('SELLER', 'BOTH');

-- the agent queue, soonest due first, then the largest amount: the amount negated so that the key
-- (due_at, -requested_amount_minor, id) runs one way and a row-value comparison finds a page's start
CREATE INDEX claims_agent_queue_seek_idx ON claims (due_at, (-requested_amount_minor), id)
  WHERE status IN ('AWAITING_AGENT', 'AWAITING_EVIDENCE');
