package dev.sopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make install PREFIX=...} into a temporary folder, then the installed launcher, completion
 * and man pages are used as a user would. The man pages are built once (Asciidoctor) and reused.
 */
class InstallIT {
  private static final Path PROJECT =
      Path.of(System.getProperty("sop.launcher", "bin/sop")).toAbsolutePath().getParent().getParent();

  record Result(int exit, String out) {}

  static Result run(Path cwd, List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().put("NO_COLOR", "1");
    Path out = Files.createTempFile("install-out", ".txt");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "did not finish: " + cmd);
    Result r = new Result(p.exitValue(), Files.readString(out));
    Files.delete(out);
    return r;
  }

  @Test
  void installsLauncherJarCompletionAndManPages(@TempDir Path tmp) throws Exception {
    Path prefix = tmp.resolve("prefix");
    Result install = run(PROJECT, List.of("make", "--no-print-directory", "install", "PREFIX=" + prefix));
    assertEquals(0, install.exit(), install.out());

    Path sop = prefix.resolve("bin/sop");
    assertTrue(Files.isExecutable(sop));
    assertTrue(Files.isRegularFile(prefix.resolve("share/sop/sop.jar")));
    Result version = run(tmp, List.of(sop.toString(), "--version"));
    assertEquals(0, version.exit(), version.out());
    assertTrue(version.out().matches("sop \\d+\\.\\d+\\.\\d+\\n"), version.out());

    // The installed sop starts from its own start-up cache, as bin/sop does: the JDK 25 AOT cache
    // when the build found such a JDK, else the class-data archive. -XX:AOTMode=on and -Xshare:on
    // make the JVM refuse to start when the cache cannot be used (one trained on another path).
    assertTrue(Files.isRegularFile(prefix.resolve("share/sop/sop.jsa")));
    String strict =
        Files.isRegularFile(prefix.resolve("share/sop/sop.aot.java")) ? "-XX:AOTMode=on" : "-Xshare:on";
    Result shared =
        run(tmp, List.of("env", "SOP_JAVA_OPTS=" + strict, sop.toString(), "--version"));
    assertEquals(0, shared.exit(), shared.out());

    // The installed launcher uses the installed jar, from any folder.
    Result init = run(tmp, List.of(sop.toString(), "init", "repo"));
    assertEquals(0, init.exit(), init.out());
    Result validate = run(tmp.resolve("repo"), List.of(sop.toString(), "validate"));
    assertEquals("no problems in 4 files\n", validate.out());

    for (String page : List.of("sop.1", "sop-init.1", "sop-new.1", "sop-list.1", "sop-validate.1")) {
      String roff = Files.readString(prefix.resolve("share/man/man1/" + page));
      assertTrue(roff.contains(".TH \"SOP"), page + " is a roff man page");
    }
    String manNew = Files.readString(prefix.resolve("share/man/man1/sop-new.1"));
    assertTrue(manNew.contains("\\-\\-department"), "options are documented");
    assertTrue(manNew.contains(".SH \"EXAMPLES:\""), "the help footer's examples are a section");

    // Completion really completes: ask the installed bash function for 'sop ne<TAB>'.
    Path completion = prefix.resolve("share/bash-completion/completions/sop");
    Result complete =
        run(
            tmp,
            List.of(
                "bash",
                "-c",
                "source '" + completion + "'; COMP_WORDS=(sop ne); COMP_CWORD=1; COMP_LINE='sop ne';"
                    + " COMP_POINT=6; _complete_sop 2>/dev/null; echo \"${COMPREPLY[@]}\""));
    assertEquals("new\n", complete.out());
    Result kinds =
        run(
            tmp,
            List.of(
                "bash",
                "-c",
                "source '" + completion + "'; COMP_WORDS=(sop new --template ''); COMP_CWORD=3;"
                    + " COMP_LINE='sop new --template '; COMP_POINT=19; _complete_sop 2>/dev/null;"
                    + " echo \"${COMPREPLY[@]}\""));
    assertEquals("basic customer-request handoff\n", kinds.out());
    assertTrue(Files.isRegularFile(prefix.resolve("share/sop/completion.zsh")));
  }
}
