package io.streamdoctor.lab.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One direction of a proxied connection: a reader stamps each chunk with the time it is due
 * (latency ± jitter, never before the previous chunk: TCP keeps order) and a writer delivers it
 * then, paced to the bandwidth toxic. Two threads, so slow delivery never stops the reading clock.
 */
final class Lane {
  private record Chunk(byte[] data, long dueNanos) {}

  private static final Chunk EOF = new Chunk(new byte[0], 0);
  private static final Chunk RESET = new Chunk(new byte[0], 0);

  private final InputStream from;
  private final OutputStream to;
  private final boolean downstream;
  private final Supplier<Toxics> toxics;
  private final ProxyConnection conn;
  private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>(256);
  private long lastDue;
  private long paceStart;
  private long pacedBytes;
  private long pacedRate;

  Lane(InputStream from, OutputStream to, boolean downstream, Supplier<Toxics> toxics,
      ProxyConnection conn) {
    this.from = from;
    this.to = to;
    this.downstream = downstream;
    this.toxics = toxics;
    this.conn = conn;
  }

  void readLoop() {
    byte[] buf = new byte[16 * 1024];
    try {
      int n;
      while ((n = from.read(buf)) >= 0) {
        Toxics t = toxics.get();
        long jitter = t.jitterMs() == 0 ? 0
            : ThreadLocalRandom.current().nextLong(-t.jitterMs(), t.jitterMs() + 1);
        long delay = TimeUnit.MILLISECONDS.toNanos(Math.max(0, t.latencyMs() + jitter));
        lastDue = Math.max(lastDue, System.nanoTime() + delay);
        Chunk c = new Chunk(Arrays.copyOf(buf, n), lastDue);
        while (!queue.offer(c, 100, TimeUnit.MILLISECONDS)) {
          if (conn.isClosed()) {
            return;
          }
        }
      }
      putQuietly(EOF);
    } catch (SocketException e) {
      putQuietly(String.valueOf(e.getMessage()).toLowerCase().contains("reset") ? RESET : EOF);
    } catch (IOException e) {
      putQuietly(EOF);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void writeLoop() {
    try {
      while (true) {
        Chunk c = queue.take();
        if (c == EOF) {
          conn.halfClose(downstream);
          return;
        }
        if (c == RESET) {
          conn.reset("peer reset");
          return;
        }
        long wait = c.dueNanos() - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        deliver(c.data());
      }
    } catch (IOException e) {
      conn.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(byte[] data) throws IOException, InterruptedException {
    int off = 0;
    while (off < data.length) {
      Toxics t = toxics.get();
      if (t.blackhole()) {
        return; // dropped on the floor; the sockets stay open
      }
      int len = data.length - off;
      if (downstream && t.bandwidthBps() > 0) {
        len = (int) Math.min(len, Math.max(1, t.bandwidthBps() / 50)); // ~20 ms slices
        pace(t.bandwidthBps(), len);
      }
      if (downstream && t.resetAfterBytes() >= 0) {
        long left = t.resetAfterBytes() - conn.bytesDown();
        if (left <= len) {
          write(data, off, (int) Math.max(0, left));
          conn.reset("resetAfterBytes");
          return;
        }
      }
      write(data, off, len);
      off += len;
    }
  }

  private void write(byte[] data, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    to.write(data, off, len);
    to.flush();
    conn.count(downstream, len);
  }

  /** Sleeps until sending {@code len} more bytes keeps the average at or under the rate. */
  private void pace(long rate, int len) throws InterruptedException {
    long now = System.nanoTime();
    long caughtUp = paceStart + (long) (pacedBytes * 1e9 / Math.max(1, pacedRate));
    // A new rate, or a lane that sat idle: start a fresh budget (at most 200 ms of burst credit).
    if (rate != pacedRate || caughtUp < now - TimeUnit.MILLISECONDS.toNanos(200)) {
      pacedRate = rate;
      paceStart = now;
      pacedBytes = 0;
    }
    long due = paceStart + (long) ((pacedBytes + len) * 1e9 / rate);
    pacedBytes += len;
    if (due > now) {
      TimeUnit.NANOSECONDS.sleep(due - now);
    }
  }

  /** End markers: dropped if the writer is gone and the queue full (the connection is closed). */
  private void putQuietly(Chunk c) {
    queue.offer(c);
  }
}
