package io.streamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.config.Site;
import io.streamdoctor.config.Targets;
import io.streamdoctor.config.TargetsFile;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TargetOptionsTest {
  @Test
  void forLab_oneLocalSiteNoPublicTargets() throws Exception {
    Targets t = TargetOptions.forLab(Targets.defaults(), URI.create("http://127.0.0.1:8080/chat"));
    assertTrue(t.publicResolvers().isEmpty());
    assertEquals(null, t.dohUrl());
    assertTrue(t.identity().isEmpty());
    Site lab = t.sites().get(0);
    assertEquals(8080, lab.portOrDefault());
    assertEquals(false, lab.usesTls());
    assertEquals("http://127.0.0.1:8080/api/v2/summary.json", lab.statusUrl());
  }

  @Test
  void forLab_notHttp_clearError() {
    assertThrows(TargetsFile.BadTargets.class, () -> TargetOptions.forLab(Targets.defaults(), URI.create("ftp://x/")));
  }
}
