#!/usr/bin/env python3
"""Writes requests.bin: framed messages to pipe into the host by hand (see README.md here).

Frame = 4-byte length in native byte order (little-endian on x86/ARM) + UTF-8 JSON.
"""
import json
import struct
import sys

# No "ts": the host refuses timestamps more than a day from its own clock (error 109), and a
# file kept in the repository cannot know when it will be played. Without "ts" each event is
# placed at the moment the host received it (docs/protocol.md).
MESSAGES = [
    {"v": 1, "type": "client.hello", "id": "h1", "extensionVersion": "0.1.0", "browser": "chrome"},
    {"v": 1, "type": "stream.open", "seq": 1, "stream": "7:1", "site": "chatgpt",
     "url": "https://chatgpt.com/backend-api/conversation", "kind": "sse", "tabId": 7, "payloadBytes": 2048},
    {"v": 1, "type": "stream.first_byte", "seq": 2, "stream": "7:1", "ttfbMs": 310, "httpStatus": 200},
    {"v": 1, "type": "stream.first_token", "seq": 3, "stream": "7:1", "ttftMs": 650},
    {"v": 1, "type": "stream.end", "seq": 4, "stream": "7:1", "outcome": "error",
     "frames": 180, "bytes": 21000, "errorName": "TypeError", "lastFrameAgoMs": 20},
    {"v": 1, "type": "browser.request_error", "seq": 5, "tabId": 7,
     "url": "https://chatgpt.com/backend-api/conversation", "error": "net::ERR_BLOCKED_BY_CLIENT",
     "resourceType": "xmlhttprequest"},
    {"v": 1, "type": "ping", "id": "p1"},
    {"v": 1, "type": "no.such.type", "id": "x1"},
]

out = sys.stdout.buffer if len(sys.argv) < 2 else open(sys.argv[1], "wb")
for m in MESSAGES:
    body = json.dumps(m, separators=(",", ":")).encode("utf-8")
    out.write(struct.pack("=I", len(body)) + body)
