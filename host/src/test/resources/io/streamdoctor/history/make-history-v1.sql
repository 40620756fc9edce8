-- How history-v1.db was made (sqlite3 history-v1.db < make-history-v1.sql): the schema 1
-- script exactly as released, then three breaks as a schema-1 host stored them. Kept so the
-- fixture can be re-made and read; the test uses the binary file, not this script.
PRAGMA journal_mode = DELETE;
CREATE TABLE breaks (
  break_id   TEXT PRIMARY KEY,
  ts         INTEGER NOT NULL,
  stage      TEXT NOT NULL,
  site       TEXT,
  symptom    TEXT,
  top_cause  TEXT,
  diagnosis  TEXT NOT NULL,
  summary    TEXT NOT NULL,
  saved_at   INTEGER NOT NULL
);
CREATE INDEX breaks_ts ON breaks(ts);
INSERT INTO breaks VALUES ('b-1764000000000-3:1', 1764000000000, 'probed', 'chatgpt', 'message_stream_error', 'network.idle_cutoff',
 '{"breakId":"b-1764000000000-3:1","stream":"3:1","site":"chatgpt","url":"https://chatgpt.com/backend-api/conversation","ts":1764000000000,"symptom":"message_stream_error","findings":[{"cause":"network.idle_cutoff","confidence":0.8,"evidence":[{"atMs":-30000,"text":"no frames for 30.0 s before the stream died"}],"against":[],"remedies":["change_network","shorter_prompt"]}],"ruledOut":[{"cause":"dns.resolution_failed","why":"the stream had already received 240 frames from the server"}],"stage":"probed"}',
 '{"breakId":"b-1764000000000-3:1","stream":"3:1","site":"chatgpt","url":"https://chatgpt.com/backend-api/conversation","kind":"sse","outcome":"error","closeCode":null,"wasClean":null,"errorName":"TypeError","httpStatus":200,"errorTypes":[],"payloadBytes":5120,"frames":240,"bytes":36000,"durationMs":60100.0,"ttfbMs":420.0,"ttftMs":900.0,"gapP95Ms":80.0,"gapMaxMs":30000.0,"stallSilentMs":null,"networkId":"n-5f2a","extensionsHash":null,"extensions":[],"marks":[{"kind":"open","atMs":-60100,"frames":0,"bytes":0,"detail":"request 5120 B"},{"kind":"end","atMs":0,"frames":240,"bytes":36000,"detail":"error, TypeError, HTTP 200"}],"around":[{"atMs":1,"type":"browser.request_error","detail":"net::ERR_INCOMPLETE_CHUNKED_ENCODING on https://chatgpt.com/backend-api/conversation (xmlhttprequest)"}]}',
 1764000000400);
INSERT INTO breaks VALUES ('b-1764003600000-4:2', 1764003600000, 'evidence', 'claude', 'message_stream_error', 'server.overloaded',
 '{"breakId":"b-1764003600000-4:2","stream":"4:2","site":"claude","url":"https://claude.ai/api/organizations/:h1a2b3c4d/chat_conversations/:h5e6f7a8b/completion","ts":1764003600000,"symptom":"message_stream_error","findings":[{"cause":"server.overloaded","confidence":0.92,"evidence":[{"atMs":-1000,"text":"stream reported error object overloaded_error"}],"against":[],"remedies":["wait_and_retry"]}],"ruledOut":[],"stage":"evidence"}',
 '{"breakId":"b-1764003600000-4:2","stream":"4:2","site":"claude","url":"https://claude.ai/api/organizations/:h1a2b3c4d/chat_conversations/:h5e6f7a8b/completion","kind":"sse","outcome":"error","errorTypes":["overloaded_error"],"payloadBytes":800,"frames":12,"bytes":900,"durationMs":3000.0,"networkId":"n-5f2a","marks":[],"around":[]}',
 1764003600300);
INSERT INTO breaks VALUES ('b-1764007200000-5:1', 1764007200000, 'evidence', 'chatgpt', 'message_stream_error', 'stream.dropped_unexplained',
 '{"breakId":"b-1764007200000-5:1","stream":"5:1","site":"chatgpt","url":"https://chatgpt.com/backend-api/conversation","ts":1764007200000,"symptom":"message_stream_error","findings":[{"cause":"stream.dropped_unexplained","confidence":0.3,"evidence":[{"atMs":0,"text":"WebSocket closed 1006 without a close frame"}],"against":[],"remedies":["regenerate"]}],"ruledOut":[],"stage":"evidence"}',
 '{"breakId":"b-1764007200000-5:1","stream":"5:1","site":"chatgpt","url":"https://chatgpt.com/backend-api/conversation","kind":"ws","outcome":"error","closeCode":1006,"wasClean":false,"errorTypes":[],"payloadBytes":2000,"frames":300,"bytes":50000,"durationMs":59800.0,"networkId":null,"marks":[],"around":[]}',
 1764007200250);
PRAGMA user_version = 1;
