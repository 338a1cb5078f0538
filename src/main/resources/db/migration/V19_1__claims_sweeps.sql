-- Claims: the deadline sweep and the reminder sweep walk the due claims by (time, id), each batch after the last row
-- of the one before.
CREATE INDEX claims_deadline_key_idx ON claims (deadline_at, id) WHERE deadline_at IS NOT NULL;
CREATE INDEX claims_due_key_idx ON claims (due_at, id) WHERE deadline_at IS NOT NULL;
-- the key index above serves every lookup by deadline; the older one on the deadline alone is redundant
DROP INDEX claims_deadline_idx;
