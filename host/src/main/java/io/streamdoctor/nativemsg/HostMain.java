package io.streamdoctor.nativemsg;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.config.Targets;
import io.streamdoctor.config.TargetsFile;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.net.Monitors;
import io.streamdoctor.platform.AppDirs;
import io.streamdoctor.platform.Logs;
import io.streamdoctor.platform.Platform;
import io.streamdoctor.probe.HostProbeCommands;
import io.streamdoctor.probe.PostMortem;
import io.streamdoctor.probe.TlsProber;
import io.streamdoctor.record.JsonlRecorder;
import io.streamdoctor.record.Recorder;
import io.streamdoctor.timeline.ClockMapper;
import io.streamdoctor.timeline.HostClock;
import io.streamdoctor.timeline.LiveScheduler;
import io.streamdoctor.timeline.Pipeline;
import io.streamdoctor.timeline.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
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
  static final String CAPABILITIES = "[\"events\",\"diagnose\",\"record\",\"probe\",\"flush_dns\"]";

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
    writer.send(Replies.hello(ProcessHandle.current().pid(), CAPABILITIES));

    AppDirs dirs = AppDirs.current();
    Logs.init(dirs, "host", false);
    Logger log = Logger.getLogger(HostMain.class.getName());
    log.info("host started for " + caller.kind() + " " + caller.id());
    HostClock clock = HostClock.system();
    Recorder recorder = openRecorder(args, clock, log);
    LiveScheduler scheduler = new LiveScheduler(clock);
    Pipeline pipeline = new Pipeline(Timeline.standard(), Engine.standard(), scheduler,
        d -> writer.send(DiagnosisMessages.message(d, null).toString()));
    Acker acker = new Acker(writer, recorder::flush);
    List<Command> commands = new ArrayList<>(CoreCommands.all(pipeline));
    // OS monitors and probes (issue 4): started after the hello, their evidence recorded and ingested.
    Platform platform = Platform.current();
    Consumer<Evidence> sink = ev -> {
      double now = clock.nowMs();
      recorder.evidence(now, ev);
      pipeline.ingest(now, ev);
    };
    PostMortem postMortem = new PostMortem(loadTargets(dirs, log), () -> platform.netState().dnsServers(), clock,
        TlsProber.jdkTrust());
    commands.add(HostProbeCommands.probe(postMortem, () -> pipeline.latest(null), sink));
    commands.add(HostProbeCommands.flushDns(platform::dnsFlusher));
    for (String later : List.of("history", "report", "config.get", "config.set")) {
      commands.add(CoreCommands.notImplemented(later));
    }
    MessageRouter router = new MessageRouter(pipeline, new ClockMapper(), recorder, writer, acker, commands);
    try (Monitors monitors = Monitors.standard(platform, clock); postMortem) {
      monitors.start(sink);
      return new HostSession(router, writer, acker, scheduler, recorder, clock).run(in);
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

  private static Recorder openRecorder(List<String> args, HostClock clock, Logger log) {
    String target = System.getenv("STREAMDOCTOR_RECORD");
    int i = args.indexOf("--record");
    if (i >= 0 && i + 1 < args.size()) {
      target = args.get(i + 1);
    }
    if (target == null || target.isBlank()) {
      return Recorder.NONE;
    }
    try {
      return new JsonlRecorder(Path.of(target), clock.nowMs());
    } catch (IOException e) {
      log.log(Level.WARNING, "cannot record to " + target, e);
      return Recorder.NONE;
    }
  }
}
