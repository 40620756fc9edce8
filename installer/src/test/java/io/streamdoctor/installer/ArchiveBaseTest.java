package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ArchiveBaseTest {
  /** Always the given slot (capped to the bound), to reach both ends of the range. */
  private static RandomGenerator fixed(long slot) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("draws must be bounded");
      }

      @Override
      public long nextLong(long bound) {
        return Math.min(slot, bound - 1);
      }
    };
  }

  @Test
  void draw_x8664_alignedInsideTheRangeAndDifferentEachTime() {
    Random r = new Random(42);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      long a = ArchiveBase.draw("amd64", r).orElseThrow().address();
      assertTrue(a >= ArchiveBase.LOW && a < ArchiveBase.HIGH, Long.toHexString(a));
      assertEquals(0, a % (16L << 20), Long.toHexString(a));
      seen.add(a);
    }
    assertTrue(seen.size() > 995, "1000 draws from 2^22 slots gave " + seen.size() + " distinct");
    assertTrue(ArchiveBase.draw("x86_64", r).isPresent());
  }

  @Test
  void draw_extremeSlots_firstAndLastAddressOfTheRange() {
    assertEquals(16L << 40, ArchiveBase.draw("amd64", fixed(0)).orElseThrow().address());
    assertEquals((80L << 40) - (16L << 20), ArchiveBase.draw("amd64", fixed(Long.MAX_VALUE)).orElseThrow().address());
  }

  @Test
  void draw_otherArchitectures_noPerInstallAddress() {
    assertEquals(Optional.empty(), ArchiveBase.draw("aarch64", new Random(1)));
    assertEquals(Optional.empty(), ArchiveBase.draw("x86", new Random(1)));
  }

  @Test
  void option_address_hexSharedBaseAddress() {
    assertEquals("-XX:SharedBaseAddress=0x100001000000", new ArchiveBase((16L << 40) + (16L << 20)).option());
  }

  @Test
  void mappedAt_jvmLogs_firstRegionsAddress() {
    // -Xlog:cds=info of JDK 17.0.15 and -Xlog:aot=info of JDK 25.0.3, as they print them.
    String jdk17 = "[0.002s][info][cds] Reserved archive_space_rs [0x00003c2a40000000 - 0x00003c2a42000000] (33554432) bytes\n"
        + "[0.002s][info][cds] Mapped static  region #0 at base 0x00003c2a40000000 top 0x00003c2a40774000 (ReadWrite)\n"
        + "[0.002s][info][cds] Mapped static  region #1 at base 0x00003c2a40774000 top 0x00003c2a4124e000 (ReadOnly)\n";
    String jdk25 = "[0.003s][info][aot] ArchiveRelocationMode: 0\n"
        + "[0.003s][info][aot] Mapped static  region #0 at base 0x00002b5c80001000 top 0x00002b5c8077c000 (ReadWrite)\n";
    assertEquals(0x3c2a40000000L, ArchiveBase.mappedAt(jdk17).getAsLong());
    assertEquals(0x2b5c80001000L, ArchiveBase.mappedAt(jdk25).getAsLong());
    assertTrue(ArchiveBase.mappedAt("[0.003s][info][aot] trying to map AOT cache\n").isEmpty());
  }

  @Test
  void holds_mappedAddress_onlyWithinItsAlignmentOfTheBase() {
    ArchiveBase b = new ArchiveBase(0x2b5c80000000L);
    assertTrue(b.holds(0x2b5c80001000L)); // JDK 25 maps the first region one page in
    assertTrue(b.holds(0x2b5c80000000L));
    assertFalse(b.holds(0x800000000L));
    assertFalse(b.holds(0x2b5c80200000L));
  }

  @Test
  void constructor_outsideRangeOrUnaligned_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new ArchiveBase(0x800000000L));
    assertThrows(IllegalArgumentException.class, () -> new ArchiveBase(80L << 40));
    assertThrows(IllegalArgumentException.class, () -> new ArchiveBase((16L << 40) + (2L << 20)));
  }
}
