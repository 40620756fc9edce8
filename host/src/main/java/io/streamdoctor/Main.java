package io.streamdoctor;

import io.streamdoctor.cli.Cli;
import io.streamdoctor.nativemsg.Caller;
import io.streamdoctor.nativemsg.HostMain;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Entry point. Host mode is recognised by hand, before picocli or anything else loads: it is what
 * browsers start, and its stdout must carry frames only, so System.out is pointed at stderr first.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (isHostMode(args)) {
      OutputStream frames = new FileOutputStream(FileDescriptor.out);
      System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
      int code = HostMain.run(List.of(args), System.in, frames);
      System.err.flush();
      System.exit(code);
    }
    System.exit(Cli.run(args));
  }

  static boolean isHostMode(String[] args) {
    if (Caller.isBrowserLaunch(args)) {
      return true;
    }
    if (args.length == 0 || !args[0].equals("host")) {
      return false;
    }
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        return false;
      }
    }
    return true;
  }
}
