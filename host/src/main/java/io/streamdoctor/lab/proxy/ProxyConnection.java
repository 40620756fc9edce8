package io.streamdoctor.lab.proxy;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** One client connection and its upstream twin, joined by two {@link Lane}s (four threads). */
final class ProxyConnection {
  private final Socket client;
  private final Socket upstream;
  private final long startedNanos = System.nanoTime();
  private final AtomicLong down = new AtomicLong();
  private final AtomicLong up = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final java.util.function.Consumer<ProxyConnection> onClose;
  private int halfClosed;

  ProxyConnection(Socket client, Socket upstream,
      java.util.function.Consumer<ProxyConnection> onClose) {
    this.client = client;
    this.upstream = upstream;
    this.onClose = onClose;
  }

  void start(ExecutorService threads, Supplier<Toxics> toxics) throws IOException {
    Lane downLane = new Lane(upstream.getInputStream(), client.getOutputStream(), true, toxics, this);
    Lane upLane = new Lane(client.getInputStream(), upstream.getOutputStream(), false, toxics, this);
    threads.execute(downLane::readLoop);
    threads.execute(downLane::writeLoop);
    threads.execute(upLane::readLoop);
    threads.execute(upLane::writeLoop);
  }

  long bytesDown() {
    return down.get();
  }

  long bytesUp() {
    return up.get();
  }

  long ageMs() {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  boolean isClosed() {
    return closed.get();
  }

  void count(boolean downstream, int n) {
    (downstream ? down : up).addAndGet(n);
  }

  /** One side finished sending: pass the FIN on; when both have, the connection is done. */
  synchronized void halfClose(boolean downstream) {
    try {
      (downstream ? client : upstream).shutdownOutput();
    } catch (IOException e) {
      close();
      return;
    }
    if (++halfClosed == 2) {
      close();
    }
  }

  /** SO_LINGER 0 on both sockets, then close: each peer gets a TCP RST. */
  void reset(String why) {
    for (Socket s : new Socket[] {client, upstream}) {
      try {
        s.setSoLinger(true, 0);
      } catch (IOException ignored) {
        // already closed
      }
    }
    close();
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Socket s : new Socket[] {client, upstream}) {
      try {
        s.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
    onClose.accept(this);
  }
}
