package io.streamdoctor.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
      assertEquals(0, a % (2L << 20), Long.toHexString(a));
      seen.add(a);
    }
    assertTrue(seen.size() > 995, "1000 draws from 2^25 slots gave " + seen.size() + " distinct");
    assertTrue(ArchiveBase.draw("x86_64", r).isPresent());
  }

  @Test
  void draw_extremeSlots_firstAndLastAddressOfTheRange() {
    assertEquals(16L << 40, ArchiveBase.draw("amd64", fixed(0)).orElseThrow().address());
    assertEquals((80L << 40) - (2L << 20), ArchiveBase.draw("amd64", fixed(Long.MAX_VALUE)).orElseThrow().address());
  }

  @Test
  void draw_otherArchitectures_noPerInstallAddress() {
    assertEquals(Optional.empty(), ArchiveBase.draw("aarch64", new Random(1)));
    assertEquals(Optional.empty(), ArchiveBase.draw("x86", new Random(1)));
  }

  @Test
  void option_address_hexSharedBaseAddress() {
    assertEquals("-XX:SharedBaseAddress=0x100000200000", new ArchiveBase((16L << 40) + (2L << 20)).option());
  }

  @Test
  void constructor_outsideRangeOrUnaligned_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new ArchiveBase(0x800000000L));
    assertThrows(IllegalArgumentException.class, () -> new ArchiveBase(80L << 40));
    assertThrows(IllegalArgumentException.class, () -> new ArchiveBase((16L << 40) + 4096));
  }
}
