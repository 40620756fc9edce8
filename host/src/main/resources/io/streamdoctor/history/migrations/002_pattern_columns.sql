-- Schema 2: the fields the cross-break patterns group by, as columns (listing and grouping
-- without decoding JSON), back-filled from the JSON schema 1 already stored.
ALTER TABLE breaks ADD COLUMN confidence REAL;
ALTER TABLE breaks ADD COLUMN duration_ms REAL;
ALTER TABLE breaks ADD COLUMN network_id TEXT;
ALTER TABLE breaks ADD COLUMN extensions_hash TEXT;
UPDATE breaks SET
  confidence = json_extract(diagnosis, '$.findings[0].confidence'),
  duration_ms = json_extract(summary, '$.durationMs'),
  network_id = json_extract(summary, '$.networkId'),
  extensions_hash = json_extract(summary, '$.extensionsHash');
CREATE INDEX breaks_network ON breaks(network_id);
