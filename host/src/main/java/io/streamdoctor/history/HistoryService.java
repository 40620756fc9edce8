package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * History for the host: every database call runs on one background thread, so the reader loop
 * never waits on disk and the store needs no locking. The database is opened on first use, never
 * at start-up (the browser is waiting for the hello; loading SQLite's native library is not free).
 * Reads queue behind pending saves, so a {@code history} request sees every break saved before it.
 */
public final class HistoryService implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HistoryService.class.getName());

  /** Work done with the open store on the history thread. */
  public interface StoreCall<T> {
    T apply(HistoryStore store) throws HistoryException;
  }

  private final Path file;
  private final HistoryConfig config;
  private final LongSupplier nowMs;
  private final AtomicInteger pending = new AtomicInteger();
  private final ExecutorService exec =
      Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "streamdoctor-history");
        t.setDaemon(true);
        return t;
      });
  private HistoryStore store;
  private HistoryException openFailure;

  public HistoryService(Path file, HistoryConfig config, LongSupplier nowMs) {
    this.file = file;
    this.config = config;
    this.nowMs = nowMs;
  }

  /** Queues a save and returns at once; failures are logged (a lost history row is not fatal). */
  public void saveAsync(Diagnosis d, BreakSummary s) {
    saveAsync(d, s, () -> {});
  }

  /**
   * As {@link #saveAsync(Diagnosis, BreakSummary)}; {@code saved} runs once the save is committed,
   * and never when it failed: the caller must not promise the break is in history then (the ack
   * of its event waits, the extension keeps and resends it; see nativemsg.Acker).
   */
  public void saveAsync(Diagnosis d, BreakSummary s, Runnable saved) {
    saveAsync(d, s, HistoryScope.SITE, saved);
  }

  /** As {@link #saveAsync(Diagnosis, BreakSummary, Runnable)}, counted against {@code scope}'s quota. */
  public void saveAsync(Diagnosis d, BreakSummary s, HistoryScope scope, Runnable saved) {
    pending.incrementAndGet();
    try {
      exec.execute(() -> {
        boolean ok = false;
        try {
          store().save(d, s, scope);
          ok = true;
        } catch (HistoryException | RuntimeException e) {
          LOG.log(Level.WARNING, "break " + d.breakId() + " not saved to history", e);
        } finally {
          pending.decrementAndGet();
        }
        if (ok) {
          saved.run();
        }
      });
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
      LOG.warning("history closed: break " + d.breakId() + " not saved");
    }
  }

  /** Runs {@code call} after every queued save, waiting at most {@code timeoutMs}. */
  public <T> T call(StoreCall<T> call, long timeoutMs) throws HistoryException {
    Future<T> f;
    try {
      f = exec.submit(() -> call.apply(store()));
    } catch (RejectedExecutionException e) {
      throw new HistoryException("history is closed");
    }
    try {
      return f.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HistoryException he) {
        throw he;
      }
      throw new HistoryException("history failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new HistoryException("history did not answer within " + timeoutMs + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HistoryException("interrupted while reading history");
    }
  }

  /** Saves queued but not yet committed. */
  public int pending() {
    return pending.get();
  }

  /** Waits until every save queued before this call is committed (or failed). */
  public boolean flush(long timeoutMs) {
    try {
      exec.submit(() -> null).get(timeoutMs, TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
      return pending.get() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Commits what is queued (bounded wait), then closes the database. */
  @Override
  public void close() {
    exec.shutdown();
    try {
      if (!exec.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warning(pending.get() + " history saves still pending at exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (store != null) {
      store.close();
    }
  }

  /** Opens on first use; a failure is remembered so every later call reports it cheaply. */
  private HistoryStore store() throws HistoryException {
    if (store == null) {
      if (openFailure != null) {
        throw openFailure;
      }
      try {
        store = openOrRecover();
      } catch (HistoryException e) {
        openFailure = e;
        LOG.log(Level.WARNING, "history unavailable", e);
        throw e;
      }
    }
    return store;
  }

  /**
   * A file that is not a database, or a corrupt one, is moved aside (kept for support, never
   * deleted) and history starts afresh: losing old breaks beats losing every new one.
   */
  private HistoryStore openOrRecover() throws HistoryException {
    try {
      return HistoryStore.open(file, config, nowMs);
    } catch (HistoryException e) {
      if (!(e.getCause() instanceof SQLiteException se)
          || (se.getResultCode() != SQLiteErrorCode.SQLITE_NOTADB
              && se.getResultCode() != SQLiteErrorCode.SQLITE_CORRUPT)) {
        throw e;
      }
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + nowMs.getAsLong());
      try {
        Files.move(file, aside);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
      } catch (IOException io) {
        throw new HistoryException("history.db is damaged and cannot be moved aside: " + io.getMessage(), io);
      }
      LOG.warning("history.db was damaged (" + se.getResultCode() + "); moved to " + aside);
      return HistoryStore.open(file, config, nowMs);
    }
  }
}
