package io.streamdoctor.record;

import io.streamdoctor.evidence.Evidence;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The host's recorder, switchable while the session runs: the options page turns recording for a
 * bug report on and off ({@code config.set}), the environment or {@code --record} can start it.
 */
public final class SwitchRecorder implements Recorder {
  private volatile Recorder delegate = Recorder.NONE;
  private volatile Path file;

  public synchronized void start(Path target, double now) throws IOException {
    stop();
    delegate = new JsonlRecorder(target, now);
    file = target;
  }

  public synchronized void stop() {
    delegate.close();
    delegate = Recorder.NONE;
    file = null;
  }

  public Path file() {
    return file;
  }

  @Override
  public void message(double receivedAt, Evidence event) {
    delegate.message(receivedAt, event);
  }

  @Override
  public void evidence(double receivedAt, Evidence evidence) {
    delegate.evidence(receivedAt, evidence);
  }

  @Override
  public void probed(double at, String breakId) {
    delegate.probed(at, breakId);
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  @Override
  public synchronized void close() {
    stop();
  }
}
