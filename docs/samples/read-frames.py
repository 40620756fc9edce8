#!/usr/bin/env python3
"""Prints each frame the host writes to stdout as one JSON line: host ... | read-frames.py"""
import struct
import sys

data = sys.stdin.buffer.read()
i = 0
while i + 4 <= len(data):
    (n,) = struct.unpack("=I", data[i:i + 4])
    print(data[i + 4:i + 4 + n].decode("utf-8"))
    i += 4 + n
if i != len(data):
    sys.exit(f"trailing {len(data) - i} bytes are not a whole frame")
