package io.streamdoctor.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the lab really did to each exchange, so tests can assert that a fault happened and not
 * only that a client saw something ({@code GET /lab/log}). Keeps the last {@value #KEEP}.
 */
public final class LabLog {
  static final int KEEP = 1000;

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final AtomicLong seq = new AtomicLong();

  /** One exchange. Updated by the thread serving it, read by /lab/log: all access synchronized. */
  public final class Entry {
    private final long n;
    private final String id;
    private final String proto;
    private final String fault;
    private final String path;
    private final long startedMs = System.currentTimeMillis();
    private long requestBytes;
    private int status;
    private int frames;
    private long bytesSent;
    private String end;
    private long endedMs;

    Entry(long n, String id, String proto, String fault, String path) {
      this.n = n;
      this.id = id;
      this.proto = proto;
      this.fault = fault;
      this.path = path;
    }

    public synchronized void requestBytes(long b) {
      requestBytes = b;
    }

    public synchronized void addRequestBytes(long b) {
      requestBytes += b;
    }

    public synchronized void status(int s) {
      status = s;
    }

    public synchronized void frame() {
      frames++;
    }

    public synchronized void bytesSent(long b) {
      bytesSent = b;
    }

    public synchronized void addBytes(long b) {
      bytesSent += b;
    }

    /** The first call wins: how the exchange ended (complete, fin, rst, cut, http_429, …). */
    public synchronized void end(String how) {
      if (end == null) {
        end = how;
        endedMs = System.currentTimeMillis();
      }
    }

    public synchronized String ended() {
      return end;
    }

    synchronized ObjectNode json() {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("n", n).put("id", id).put("proto", proto).put("fault", fault).put("path", path)
          .put("startedMs", startedMs).put("requestBytes", requestBytes).put("status", status)
          .put("frames", frames).put("bytesSent", bytesSent);
      o.put("end", end == null ? "open" : end);
      if (end != null) {
        o.put("durationMs", endedMs - startedMs);
      }
      return o;
    }
  }

  public Entry open(String id, String proto, String fault, String path) {
    Entry e = new Entry(seq.incrementAndGet(), id, proto, fault, path);
    synchronized (entries) {
      entries.addLast(e);
      while (entries.size() > KEEP) {
        entries.removeFirst();
      }
    }
    return e;
  }

  /** {@code {"requests":[...]}}, oldest first; only the exchange {@code id} when given. */
  public ObjectNode json(String id) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode list = root.putArray("requests");
    Entry[] snapshot;
    synchronized (entries) {
      snapshot = entries.toArray(new Entry[0]);
    }
    for (Entry e : snapshot) {
      if (id == null || id.equals(e.id)) {
        list.add(e.json());
      }
    }
    return root;
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
