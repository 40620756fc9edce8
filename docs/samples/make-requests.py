#!/usr/bin/env python3
"""Writes requests.bin: framed messages to pipe into the host by hand (see README.md here).

Frame = 4-byte length in native byte order (little-endian on x86/ARM) + UTF-8 JSON.
"""
import json
import struct
import sys

T = 1764120000000
MESSAGES = [
    {"v": 1, "type": "client.hello", "id": "h1", "extensionVersion": "0.1.0", "browser": "chrome"},
    {"v": 1, "type": "stream.open", "seq": 1, "ts": T, "stream": "7:1", "site": "chatgpt",
     "url": "https://chatgpt.com/backend-api/conversation", "kind": "sse", "tabId": 7, "payloadBytes": 2048},
    {"v": 1, "type": "stream.first_byte", "seq": 2, "ts": T + 310, "stream": "7:1", "ttfbMs": 310, "httpStatus": 200},
    {"v": 1, "type": "stream.first_token", "seq": 3, "ts": T + 650, "stream": "7:1", "ttftMs": 650},
    {"v": 1, "type": "stream.end", "seq": 4, "ts": T + 4200, "stream": "7:1", "outcome": "error",
     "frames": 180, "bytes": 21000, "errorName": "TypeError", "lastFrameAgoMs": 20},
    {"v": 1, "type": "browser.request_error", "seq": 5, "ts": T + 4201, "tabId": 7,
     "url": "https://chatgpt.com/backend-api/conversation", "error": "net::ERR_BLOCKED_BY_CLIENT",
     "resourceType": "xmlhttprequest"},
    {"v": 1, "type": "ping", "id": "p1"},
    {"v": 1, "type": "no.such.type", "id": "x1"},
]

out = sys.stdout.buffer if len(sys.argv) < 2 else open(sys.argv[1], "wb")
for m in MESSAGES:
    body = json.dumps(m, separators=(",", ":")).encode("utf-8")
    out.write(struct.pack("=I", len(body)) + body)
