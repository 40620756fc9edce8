package io.streamdoctor.history;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.platform.AppDirs;
import io.streamdoctor.timeline.Timeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pipeline's history sink: summarises each verdict from the timeline (in memory, on the
 * caller's thread, while the evidence is still there) and queues the save on the history thread.
 */
public final class HistorySink implements Consumer<Diagnosis> {
  private static final Logger LOG = Logger.getLogger(HistorySink.class.getName());

  private final HistoryService history;
  private final Timeline timeline;
  private final Supplier<String> networkId;
  private final Consumer<String> saved;
  /** This host process: one browser session (history patterns need two sessions or two days). */
  private final String session = Privacy.hash12(UUID.randomUUID().toString());
  private final Function<Diagnosis, HistoryScope> scopes;

  /**
   * @param networkId the hashed fingerprint of the current network, or null when unknown (OS
   *     evidence fills it in; until then network patterns stay silent)
   */
  public HistorySink(HistoryService history, Timeline timeline, Supplier<String> networkId) {
    this(history, timeline, networkId, breakId -> {});
  }

  /** {@code saved} hears each break id once its verdict is committed (never for a failed save). */
  public HistorySink(HistoryService history, Timeline timeline, Supplier<String> networkId,
      Consumer<String> saved) {
    this(history, timeline, networkId, saved, d -> HistoryScope.SITE);
  }

  /** {@code scopes}: the retention quota each break counts against ({@link BreakScopes}). */
  public HistorySink(HistoryService history, Timeline timeline, Supplier<String> networkId,
      Consumer<String> saved, Function<Diagnosis, HistoryScope> scopes) {
    this.scopes = scopes;
    this.history = history;
    this.timeline = timeline;
    this.networkId = networkId;
    this.saved = saved;
  }

  /** The user's history file: {@code <data>/history.db}. */
  public static Path file(AppDirs dirs) {
    return dirs.data().resolve("history.db");
  }

  /** The host's history service, opened lazily on first use. */
  public static HistoryService service(AppDirs dirs) {
    return new HistoryService(file(dirs), HistoryConfig.load(dirs.config()), System::currentTimeMillis);
  }

  @Override
  public void accept(Diagnosis d) {
    HistoryScope scope = scopes.apply(d);
    try {
      List<Evidence> evidence = new ArrayList<>();
      timeline.all().forEach(e -> evidence.add(e.evidence()));
      history.saveAsync(d, BreakSummaries.from(d, evidence, networkId.get()).inSession(session), scope, () -> saved.accept(d.breakId()));
    } catch (RuntimeException e) {
      // A summary bug must not cost the user the verdict itself: keep the bare break.
      LOG.log(Level.WARNING, "cannot summarise break " + d.breakId(), e);
      history.saveAsync(d, BreakSummary.bare(d.breakId(), d.stream(), d.site(), d.url()).inSession(session), scope,
          () -> saved.accept(d.breakId()));
    }
  }
}
