import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Baseline for bench/ingest.sh: the least a host can do. Reads native-messaging frames, finds
 * "seq" by a byte scan (no JSON parser) and acks every 64 events, as the real host's Acker does.
 * If the driver against this is not much faster than against the real host, the pipe or the
 * driver is the slow end, not the host.
 */
public final class AckHost {
  public static void main(String[] args) throws IOException {
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
    send(out, "{\"v\":1,\"type\":\"hello\",\"pid\":" + ProcessHandle.current().pid() + "}");
    byte[] header = new byte[4];
    byte[] body = new byte[1 << 16];
    long highest = -1;
    int pending = 0;
    while (true) {
      try {
        in.readFully(header);
      } catch (EOFException e) {
        break;
      }
      int len = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt();
      if (len > body.length) {
        body = new byte[len];
      }
      in.readFully(body, 0, len);
      long seq = seq(body, len);
      highest = Math.max(highest, seq);
      if (++pending >= 64) {
        send(out, "{\"v\":1,\"type\":\"ack\",\"upTo\":" + highest + ",\"count\":" + pending + "}");
        pending = 0;
      }
    }
    if (pending > 0) {
      send(out, "{\"v\":1,\"type\":\"ack\",\"upTo\":" + highest + ",\"count\":" + pending + "}");
    }
  }

  private static final byte[] KEY = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

  private static long seq(byte[] b, int len) {
    outer:
    for (int i = 0; i + KEY.length < len; i++) {
      for (int k = 0; k < KEY.length; k++) {
        if (b[i + k] != KEY[k]) {
          continue outer;
        }
      }
      long v = 0;
      for (int j = i + KEY.length; j < len && b[j] >= '0' && b[j] <= '9'; j++) {
        v = v * 10 + (b[j] - '0');
      }
      return v;
    }
    return -1;
  }

  private static void send(OutputStream out, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(ByteBuffer.allocate(4 + body.length).order(ByteOrder.nativeOrder()).putInt(body.length).put(body).array());
    out.flush();
  }
}
