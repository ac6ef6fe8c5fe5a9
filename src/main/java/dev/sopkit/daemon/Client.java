package dev.sopkit.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon as {@code sop daemon status|stop} (and the tests) talk to it; {@code sop validate}
 * reaches it through bin/sop instead, which starts no JVM for it.
 */
public final class Client {
  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private Client() {}

  /**
   * Sends one request to the daemon that {@code dir}'s state file names; its answer, or null when
   * no daemon answers there (no state file, or a stale one).
   */
  public static Protocol.Answer send(
      Path dir, Protocol.Kind kind, Path workDir, List<String> args, int timeoutMs) {
    StateFile state = StateFile.read(dir);
    if (state == null) {
      return null;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), state.port()), CONNECT_TIMEOUT_MS);
      s.setSoTimeout(timeoutMs);
      Protocol.write(
          new Protocol.Request(state.token(), kind, workDir.toString(), false, args), s.getOutputStream());
      s.shutdownOutput();
      return Protocol.readAnswer(s.getInputStream());
    } catch (IOException e) {
      return null;
    }
  }
}
