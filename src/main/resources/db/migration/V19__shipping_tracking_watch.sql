-- Shipping: what the tracking watchers need of a parcel, kept on the parcel so that finding what is due is an index
-- range, not an aggregate over every scan.
--   last_movement_at    the last scan, or the shipping time without one; NULL: not derived yet (rows written in bulk,
--                       and every row that existed before this migration), which the watchers derive first
--   tracking_ended      delivered or returned to the sender: no standstill to notice any more
--   first_scan_settled  the first-scan check is settled: scanned, flagged as fake, or its order was cancelled
--   stall_noticed_for   the last movement the latest standstill notice was for
ALTER TABLE shipments
  ADD COLUMN last_movement_at   TIMESTAMP WITH TIME ZONE,
  ADD COLUMN tracking_ended     BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN first_scan_settled BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN stall_noticed_for  TIMESTAMP WITH TIME ZONE;

CREATE INDEX shipments_watch_unsynced_idx ON shipments (id) WHERE last_movement_at IS NULL;
CREATE INDEX shipments_first_scan_due_idx ON shipments (created_at, id)
  WHERE direction = 'OUTBOUND' AND NOT first_scan_settled;
CREATE INDEX shipments_stall_due_idx ON shipments (last_movement_at, id)
  WHERE direction = 'OUTBOUND' AND NOT tracking_ended AND stall_noticed_for IS DISTINCT FROM last_movement_at;

-- A fake-tracking flag is followed up once: a NO_TRACKING case opened after it, or none needed any more.
ALTER TABLE tracking_flags ADD COLUMN followed_up_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX tracking_flags_follow_up_idx ON tracking_flags (flagged_at, id) WHERE followed_up_at IS NULL;
