package dev.sopkit.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up thread starts for commands that read a repository, and not for help or version. */
class WarmUpTest {
  @Test
  void nothingStartsForOptionsAlone() {
    assertNull(WarmUp.start(new String[] {"--version"}));
    assertNull(WarmUp.start(new String[] {"-h"}));
    assertNull(WarmUp.start(new String[0]));
  }

  @Test
  void aCommandStartsADaemonThatFinishes() throws InterruptedException {
    Thread t = WarmUp.start(new String[] {"validate", "sops/"});
    assertNotNull(t);
    assertTrue(t.isDaemon(), "a warm-up thread would keep the JVM from exiting");
    t.join(30_000);
    assertFalse(t.isAlive(), "the warm-up did not finish");
  }
}
