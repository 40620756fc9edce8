package io.streamdoctor.nativemsg;

import java.util.function.UnaryOperator;

/**
 * A small direct-mapped cache of recent string values and what they map to: events repeat the
 * same stream id, site, URL and outcome thousands of times, and the timeline keeps 20,000 of them,
 * so one shared String per value instead of one per event keeps the live heap (and the full
 * collections of the serial GC) small. Lock-free: each slot is one immutable entry, replaced whole;
 * a lost race only costs a cache miss.
 */
final class StringCanon {
  private record Entry(String raw, String value) {}

  /** Longer values (rare) are not worth keeping alive in the cache. */
  private static final int MAX_LENGTH = 512;
  private final Entry[] slots;
  private final UnaryOperator<String> mapping;

  /** {@code size} must be a power of two. */
  StringCanon(int size, UnaryOperator<String> mapping) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + size);
    }
    this.slots = new Entry[size];
    this.mapping = mapping;
  }

  /** {@code mapping(raw)}, the same instance as last time this value came by (when still cached). */
  String get(String raw) {
    if (raw.length() > MAX_LENGTH) {
      return mapping.apply(raw);
    }
    int h = raw.hashCode();
    int i = (h ^ (h >>> 16)) & (slots.length - 1);
    Entry e = slots[i];
    if (e != null && e.raw.equals(raw)) {
      return e.value;
    }
    String value = mapping.apply(raw);
    slots[i] = new Entry(raw.equals(value) ? value : raw, value);
    return value;
  }
}
