#!/usr/bin/env python3
# Baseline for bench/startup.sh: the smallest useful native-messaging host. Writes a hello frame
# (32-bit native-order length + UTF-8 JSON), then reads frames until stdin closes.
import json, os, struct, sys

body = json.dumps({"v": 1, "type": "hello", "pid": os.getpid()}).encode()
sys.stdout.buffer.write(struct.pack("=I", len(body)) + body)
sys.stdout.buffer.flush()
while True:
    h = sys.stdin.buffer.read(4)
    if len(h) < 4:
        break
    sys.stdin.buffer.read(struct.unpack("=I", h)[0])
