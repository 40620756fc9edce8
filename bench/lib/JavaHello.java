import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Floor for bench/startup.sh: the least a JVM host can do before its hello. A constant frame
 * (length 16, little-endian as on x86 and arm64): no ProcessHandle, no string concatenation, whose
 * first use bootstraps lambda and method-handle machinery (~10-20 ms on JDK 17) that a floor must
 * not include.
 */
public final class JavaHello {
  public static void main(String[] args) throws IOException {
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    out.write("\u0010\u0000\u0000\u0000{\"type\":\"hello\"}".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    while (System.in.read() >= 0) {
      // until the browser closes the port
    }
  }
}
