package io.streamdoctor.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PidTest {
  @Test
  void current_anyOs_equalsProcessHandle() {
    assertEquals(ProcessHandle.current().pid(), Pid.current());
  }
}
