package io.streamdoctor.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockMapperTest {
  static final double NOW = 1_796_000_000_000.0;

  @Test
  void toHost_steadySkew_shiftsByTheSmallestOffset() {
    ClockMapper c = new ClockMapper();
    assertEquals(NOW - 40, c.toHost(NOW - 1040, NOW - 40), 1e-6); // offset 1000
    assertEquals(NOW - 100, c.toHost(NOW - 1100, NOW), 1e-6); // offset 1100: the delay was longer
    assertEquals(1000, c.skewMs(), 1e-6);
  }

  /** One forged ts: 1e300 dragged the offset to -1e300 and every later event with it. */
  @Test
  void toHost_oneAbsurdTimestamp_laterEventsStaySane() {
    ClockMapper c = new ClockMapper();
    c.toHost(NOW - 1000, NOW - 995);
    assertEquals(NOW, c.toHost(1e300, NOW), 1e-6, "the outlier sits at its arrival");
    assertEquals(NOW + 95, c.toHost(NOW + 90, NOW + 100), 1e-6);
    assertEquals(5, c.skewMs(), 1e-6);
  }

  @Test
  void toHost_absurdTimestampFirst_doesNotEstablishTheOffset() {
    ClockMapper c = new ClockMapper();
    c.toHost(1e300, NOW);
    c.toHost(Double.MIN_VALUE, NOW);
    assertEquals(NOW + 100, c.toHost(NOW + 90, NOW + 100), 1e-6);
    assertEquals(NOW + 195, c.toHost(NOW + 185, NOW + 200), 1e-6);
  }

  @Test
  void toHost_jumpOfMoreThanADay_isIgnoredOnce() {
    ClockMapper c = new ClockMapper();
    c.toHost(NOW, NOW + 10);
    assertEquals(NOW + 20, c.toHost(NOW - 3 * 86_400_000.0, NOW + 20), 1e-6);
    assertEquals(10, c.skewMs(), 1e-6);
  }
}
