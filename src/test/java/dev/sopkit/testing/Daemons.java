package dev.sopkit.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sopkit.daemon.Server;
import dev.sopkit.daemon.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Runs a daemon on a thread of the test, as `sop daemon serve` runs one in its own process. */
public final class Daemons {
  private Daemons() {}

  /** Starts {@code server} and waits until it wrote its state file into {@code dir}; its thread. */
  public static Thread serve(Server server, Path dir) throws InterruptedException {
    Thread t =
        new Thread(
            () -> {
              try {
                server.serve();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    t.start();
    for (int i = 0; i < 200 && StateFile.read(dir) == null; i++) {
      Thread.sleep(25);
    }
    assertNotNull(StateFile.read(dir), "the daemon wrote its state file");
    return t;
  }
}
