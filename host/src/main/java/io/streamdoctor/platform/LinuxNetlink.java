package io.streamdoctor.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import java.util.logging.Logger;

/**
 * Push notifications from the kernel: a NETLINK_ROUTE socket subscribed to link, address and
 * route changes (rtnetlink(7)). Each message only triggers a re-read; the content is not parsed —
 * the snapshot reader stays the single source of truth. Uses JNA (libc), so construct it inside a
 * {@link LinkageError} guard.
 */
final class LinuxNetlink implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LinuxNetlink.class.getName());
  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_ROUTE = 0;
  // rtnetlink.h multicast groups: link, IPv4 addr, IPv4 route, IPv6 addr, IPv6 route.
  private static final int GROUPS = 0x1 | 0x10 | 0x40 | 0x100 | 0x400;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVTIMEO = 20;

  interface LibC extends Library {
    int socket(int domain, int type, int protocol);

    int bind(int fd, SockaddrNl addr, int len);

    int setsockopt(int fd, int level, int name, Timeval value, int len);

    NativeLong recv(int fd, byte[] buf, NativeLong len, int flags);

    int close(int fd);
  }

  /** struct sockaddr_nl. */
  @Structure.FieldOrder({"nl_family", "nl_pad", "nl_pid", "nl_groups"})
  public static final class SockaddrNl extends Structure {
    public short nl_family;
    public short nl_pad;
    public int nl_pid;
    public int nl_groups;
  }

  /** struct timeval (64-bit Linux: two longs). */
  @Structure.FieldOrder({"tv_sec", "tv_usec"})
  public static final class Timeval extends Structure {
    public NativeLong tv_sec;
    public NativeLong tv_usec;
  }

  private final LibC libc = Native.load("c", LibC.class);
  private final int fd;
  private final Thread reader;
  private volatile boolean closed;

  LinuxNetlink(Runnable onChange) {
    fd = libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) {
      throw new IllegalStateException("netlink socket failed (errno " + Native.getLastError() + ")");
    }
    SockaddrNl addr = new SockaddrNl();
    addr.nl_family = AF_NETLINK;
    addr.nl_groups = GROUPS;
    Timeval tv = new Timeval();
    // recv wakes at least once a second so close() is noticed: closing a socket another thread
    // is blocked on does not wake it on Linux.
    tv.tv_sec = new NativeLong(1);
    tv.tv_usec = new NativeLong(0);
    if (libc.bind(fd, addr, addr.size()) != 0 || libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, tv.size()) != 0) {
      int errno = Native.getLastError();
      libc.close(fd);
      throw new IllegalStateException("netlink bind/setsockopt failed (errno " + errno + ")");
    }
    reader = new Thread(() -> loop(onChange), "streamdoctor-netlink");
    reader.setDaemon(true);
    reader.start();
  }

  private void loop(Runnable onChange) {
    try {
      read(onChange);
    } finally {
      // Closed here, by the only thread using it: closing it from close() could let the number be
      // reused by another file while recv still waits on it.
      libc.close(fd);
    }
  }

  private void read(Runnable onChange) {
    byte[] buf = new byte[16384];
    while (!closed) {
      long n = libc.recv(fd, buf, new NativeLong(buf.length), 0).longValue();
      if (n > 0 && !closed) {
        onChange.run();
      } else if (n < 0) {
        int errno = Native.getLastError();
        // EAGAIN/EWOULDBLOCK (11): the 1 s timeout; EINTR (4); ENOBUFS (105): we overran, re-read anyway.
        if (errno == 105) {
          onChange.run();
        } else if (errno != 11 && errno != 4) {
          LOG.warning("netlink recv failed (errno " + errno + "): falling back to polling only");
          return;
        }
      }
    }
  }

  /** Returns at once; the reader notices within its 1 s receive timeout and closes the socket. */
  @Override
  public void close() {
    closed = true;
  }

  boolean running() {
    return reader.isAlive();
  }
}
