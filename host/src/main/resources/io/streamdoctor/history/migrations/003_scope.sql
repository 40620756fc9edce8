-- Schema 3: which retention quota a break counts against. 'site': its stream went to a host of a
-- configured chat site; 'other': anywhere else (a page's own sockets). Breaks saved before this
-- schema were shown to the user as chat-site breaks, so they keep the 'site' quota.
ALTER TABLE breaks ADD COLUMN scope TEXT NOT NULL DEFAULT 'site';
CREATE INDEX breaks_scope_ts ON breaks(scope, ts);
