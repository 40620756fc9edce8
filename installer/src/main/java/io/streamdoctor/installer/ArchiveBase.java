package io.streamdoctor.installer;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * The address the class-data archive is dumped at ({@code -XX:SharedBaseAddress}) and mapped at
 * ({@code -XX:ArchiveRelocationMode=0}): random, drawn once per install. Since the October 2022
 * updates (JDK-8294323) the JVM maps its archive at a new random address at every start and then
 * patches every pointer in it; for the host's ~20 MB archive that was ~5-7 ms of a ~30 ms start
 * (docs/benchmarks.md), and it turns every archive page into private memory. Mapped at its own
 * address the archive needs no patching. The address is still random, but per install instead of
 * per process (docs/security.md weighs that trade). Should the address be taken at run time, mode
 * 0 falls back to relocating, so a bad draw costs speed, never the start.
 *
 * <p>x86-64 only, where it is measured: the 16 MiB-aligned draws between 16 and 80 TiB lie inside
 * the 47-bit user address space of Linux, macOS and Windows, above where the JVM puts a small
 * compressed-oops heap (below 32 GiB) and below where Linux puts PIE executables (~0x55..) and
 * mmap (~0x7f..). That is 2^22 possible addresses; 16 MiB because JDK 25 aligns the address up to
 * that (a 2 MiB draw was mapped up to 14 MiB higher), JDK 17 takes it as is. Elsewhere (aarch64 encodes the class-pointer
 * base differently, some kernels have 39-bit address spaces) the archive keeps the JVM's default.
 */
record ArchiveBase(long address) {
  static final long LOW = 16L << 40;
  static final long HIGH = 80L << 40;
  static final long ALIGN = 16L << 20;

  ArchiveBase {
    if (address < LOW || address >= HIGH || address % ALIGN != 0) {
      throw new IllegalArgumentException("not an archive base: 0x" + Long.toHexString(address));
    }
  }

  /** A fresh draw for this install, or empty where per-install addresses are not used. */
  static Optional<ArchiveBase> draw(String osArch) {
    return draw(osArch, new SecureRandom());
  }

  static Optional<ArchiveBase> draw(String osArch, RandomGenerator random) {
    String a = osArch.toLowerCase(Locale.ROOT);
    if (!a.equals("amd64") && !a.equals("x86_64")) {
      return Optional.empty();
    }
    long slots = (HIGH - LOW) / ALIGN;
    return Optional.of(new ArchiveBase(LOW + random.nextLong(slots) * ALIGN));
  }

  /**
   * Whether the archive's first region, mapped at {@code mapped}, is at this base: JDK 17 maps it
   * exactly there, JDK 25 one page in (a protection zone). Anything else, such as a JVM that
   * aligned or replaced the address, is not.
   */
  boolean holds(long mapped) {
    return mapped >= address && mapped < address + (1L << 20);
  }

  private static final Pattern MAPPED = Pattern.compile("Mapped static\\s+region #0 at base 0x([0-9a-fA-F]+)");

  /** The address of the archive's first region in a {@code -Xlog:cds} (JDK 17) or {@code aot} (JDK 25) log. */
  static OptionalLong mappedAt(String log) {
    Matcher m = MAPPED.matcher(log);
    return m.find() ? OptionalLong.of(Long.parseUnsignedLong(m.group(1), 16)) : OptionalLong.empty();
  }

  String option() {
    return "-XX:SharedBaseAddress=0x" + Long.toHexString(address);
  }
}
