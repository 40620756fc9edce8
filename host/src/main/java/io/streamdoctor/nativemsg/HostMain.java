package io.streamdoctor.nativemsg;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.config.LoopbackPolicy;
import io.streamdoctor.config.SiteScope;
import io.streamdoctor.config.Targets;
import io.streamdoctor.config.TargetsFile;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.history.BreakScopes;
import io.streamdoctor.history.HistoryService;
import io.streamdoctor.history.HistorySink;
import io.streamdoctor.history.PatternEvidence;
import io.streamdoctor.history.Patterns;
import io.streamdoctor.net.Monitors;
import io.streamdoctor.platform.AppDirs;
import io.streamdoctor.platform.Logs;
import io.streamdoctor.platform.NetFingerprint;
import io.streamdoctor.platform.Pid;
import io.streamdoctor.platform.PrivateDirs;
import io.streamdoctor.platform.Platform;
import io.streamdoctor.probe.AutoPostMortem;
import io.streamdoctor.probe.HostProbeCommands;
import io.streamdoctor.probe.LazyTrust;
import io.streamdoctor.probe.PostMortem;
import io.streamdoctor.record.SwitchRecorder;
import io.streamdoctor.report.HistoryCommands;
import io.streamdoctor.timeline.BreakGate;
import io.streamdoctor.timeline.BulkLane;
import io.streamdoctor.timeline.ClockMapper;
import io.streamdoctor.timeline.HostClock;
import io.streamdoctor.timeline.LiveScheduler;
import io.streamdoctor.timeline.Pipeline;
import io.streamdoctor.timeline.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Host mode: the caller check and the hello go out before anything heavy loads (start-up is on
 * the user's critical path), then the session is wired here, in one place.
 */
public final class HostMain {
  static final String CAPABILITIES =
      "[\"events\",\"diagnose\",\"record\",\"history\",\"report\",\"probe\",\"flush_dns\"]";

  private HostMain() {}

  public static int run(List<String> args, InputStream in, OutputStream stdout) {
    Caller caller = Caller.parse(args);
    FrameWriter writer = new FrameWriter(stdout);
    if (!AllowedCallers.builtIn(caller)
        && !AllowedCallers.load(AppDirs.current().config()).allows(caller)) {
      String msg = "caller " + caller.id() + " is not a StreamDoctor extension; "
          + "allow a store build with 'streamdoctor install --extension-id ID'";
      writer.send(Replies.errorJson(null, ErrorCode.ORIGIN_NOT_ALLOWED, msg));
      System.err.println("streamdoctor host: " + msg);
      return ExitCodes.NOT_ALLOWED;
    }
    writer.send(Replies.hello(Pid.current(), CAPABILITIES));

    AppDirs dirs = AppDirs.current();
    Logs.init(dirs, "host", false);
    Logger log = Logger.getLogger(HostMain.class.getName());
    ownerOnly(dirs, log);
    log.info("host started for " + caller.kind() + " " + caller.id());
    HostClock clock = HostClock.system();
    SwitchRecorder recorder = openRecorder(args, clock, log);
    LiveScheduler scheduler = new LiveScheduler(clock);
    Timeline timeline = Timeline.standard();
    // History opens its database on first use (never before the hello) and saves off this thread.
    HistoryService history = HistorySink.service(dirs);
    Acker acker = new Acker(writer, recorder::flush);
    // A break's triggering event is acked only once its verdict is saved (Acker.hold/release).
    Platform platform = Platform.current();
    Targets targets = loadTargets(dirs, log);
    SiteScope scope = new SiteScope(LoopbackPolicy.restrict(targets));
    HistorySink historySink = new HistorySink(history, timeline, () -> networkId(platform), acker::release,
        new BreakScopes(d -> scope.onSite(d.site(), d.url()), clock::nowMs));
    Pipeline pipeline = new Pipeline(timeline, Engine.standard(), scheduler, d -> {
      historySink.accept(d); // queued before the verdict goes out: a later 'history' request sees it
      writer.send(DiagnosisMessages.message(d, null).toString());
    });
    List<Command> commands = new ArrayList<>(CoreCommands.all(pipeline));
    commands.addAll(HistoryCommands.all(history, System::currentTimeMillis, ZoneId.systemDefault()));
    // OS monitors and probes: started after the hello, their evidence recorded and ingested.
    Consumer<Evidence> sink = ev -> {
      double now = clock.nowMs();
      recorder.evidence(now, ev);
      pipeline.ingest(now, ev);
    };
    PostMortem postMortem = new PostMortem(targets, () -> platform.netState().dnsServers(), clock,
        new LazyTrust()); // cacerts and the TLS stack load on the first TLS probe, not at start
    AutoPostMortem autoPostMortem = new AutoPostMortem(postMortem, scope, pipeline, sink, recorder, clock,
        new PatternEvidence(history, clock, ZoneId.systemDefault(), Patterns.chatSites(targets)));
    pipeline.onNewBreak(autoPostMortem);
    pipeline.onWithdrawn(acker::release);
    BulkLane bulk = new BulkLane();
    pipeline.ration(new BreakGate(), bulk, acker::releaseLater);
    commands.add(HostProbeCommands.probe(postMortem, scope, () -> pipeline.latest(null), sink));
    commands.add(HostProbeCommands.flushDns(platform::dnsFlusher));
    commands.addAll(ConfigCommands.all(recorder, dirs.data().resolve("recordings"), clock));
    MessageRouter router = new MessageRouter(pipeline, new ClockMapper(), recorder, writer, acker, commands);
    int exit;
    try (Monitors monitors = Monitors.standard(platform, clock); postMortem) {
      monitors.start(sink);
      exit = new HostSession(router, writer, acker, scheduler, recorder, clock).run(in);
      autoPostMortem.awaitIdle(AutoPostMortem.DEADLINE_MS + 500);
    }
    bulk.close();
    recorder.close(); // after the last probed verdict, so the recording holds it too
    history.close(); // after the session: its scheduler has delivered the last verdicts
    return exit;
  }

  /** The hashed network fingerprint for history's same-network pattern; null when unknown. */
  /** Data and config folders made before this version (or by hand) are made owner-only again. */
  private static void ownerOnly(AppDirs dirs, Logger log) {
    try {
      PrivateDirs.repairIfPresent(dirs.data());
      PrivateDirs.repairIfPresent(dirs.config());
    } catch (java.io.IOException | RuntimeException e) {
      log.warning("cannot check the permissions of " + dirs.data() + " and " + dirs.config() + ": " + e);
    }
  }

  private static String networkId(Platform platform) {
    try {
      return NetFingerprint.of(platform.netState());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Targets loadTargets(AppDirs dirs, Logger log) {
    try {
      return TargetsFile.load(dirs.config());
    } catch (TargetsFile.BadTargets e) {
      log.warning(e.getMessage() + ": using the default targets");
      return Targets.defaults();
    }
  }

  private static SwitchRecorder openRecorder(List<String> args, HostClock clock, Logger log) {
    SwitchRecorder recorder = new SwitchRecorder();
    String target = System.getenv("STREAMDOCTOR_RECORD");
    int i = args.indexOf("--record");
    if (i >= 0 && i + 1 < args.size()) {
      target = args.get(i + 1);
    }
    if (target != null && !target.isBlank()) {
      try {
        recorder.start(Path.of(target), clock.nowMs());
      } catch (IOException e) {
        log.log(Level.WARNING, "cannot record to " + target, e);
      }
    }
    return recorder;
  }
}
