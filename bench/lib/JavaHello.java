import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Floor for bench/startup.sh: the least a JVM host can do before its hello. */
public final class JavaHello {
  public static void main(String[] args) throws IOException {
    byte[] body = ("{\"v\":1,\"type\":\"hello\",\"pid\":" + ProcessHandle.current().pid() + "}")
        .getBytes(StandardCharsets.UTF_8);
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    out.write(ByteBuffer.allocate(4 + body.length).order(ByteOrder.nativeOrder()).putInt(body.length).put(body).array());
    out.flush();
    while (System.in.read() >= 0) {
      // until the browser closes the port
    }
  }
}
