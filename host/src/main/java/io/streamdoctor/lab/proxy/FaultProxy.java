package io.streamdoctor.lab.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A TCP proxy between a client and one upstream that misbehaves on request (latency, jitter,
 * bandwidth, reset, blackhole), in the spirit of Toxiproxy. At most {@code maxConnections} at
 * once (four threads each); connections over the cap are reset at once.
 */
public final class FaultProxy implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FaultProxy.class.getName());

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final Semaphore slots;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> daemon(r, "lab-proxy"));
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lab-proxy-watchdog"));
  private final AtomicReference<Toxics> toxics = new AtomicReference<>(Toxics.NONE);
  private final Set<ProxyConnection> live = ConcurrentHashMap.newKeySet();
  private final AtomicLong total = new AtomicLong();

  public FaultProxy(InetSocketAddress listen, InetSocketAddress upstream, int maxConnections)
      throws IOException {
    this.upstream = upstream;
    this.slots = new Semaphore(maxConnections);
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(listen, 64);
    threads.execute(this::acceptLoop);
    // Time-based resets are checked here, so they hit idle connections too.
    watchdog.scheduleAtFixedRate(this::resetOld, 10, 10, TimeUnit.MILLISECONDS);
  }

  public int port() {
    return listener.getLocalPort();
  }

  public InetSocketAddress upstream() {
    return upstream;
  }

  public Toxics toxics() {
    return toxics.get();
  }

  public void setToxics(Toxics t) {
    toxics.set(t);
  }

  public int activeConnections() {
    return live.size();
  }

  public long totalConnections() {
    return total.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          try {
            Thread.sleep(100); // e.g. out of file descriptors: do not spin
          } catch (InterruptedException ie) {
            return;
          }
        }
        continue;
      }
      if (!slots.tryAcquire()) {
        resetNow(client);
        continue;
      }
      total.incrementAndGet();
      threads.execute(() -> open(client));
    }
  }

  private void open(Socket client) {
    Socket up = new Socket();
    try {
      client.setTcpNoDelay(true);
      up.setTcpNoDelay(true);
      up.connect(upstream, 5000);
      ProxyConnection c = new ProxyConnection(client, up, done -> {
        live.remove(done);
        slots.release();
      });
      live.add(c);
      c.start(threads, toxics::get);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "upstream " + upstream + " unreachable: " + e);
      resetNow(client); // as a refused connection looks to the client
      closeQuietly(up);
      slots.release();
    }
  }

  private void resetOld() {
    long limit = toxics.get().resetAfterMs();
    if (limit < 0) {
      return;
    }
    for (ProxyConnection c : live) {
      if (c.ageMs() >= limit) {
        c.reset("resetAfterMs");
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    watchdog.shutdownNow();
    live.forEach(ProxyConnection::close);
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void resetNow(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException ignored) {
      // closing anyway
    }
    closeQuietly(s);
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing to report on the way out
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
