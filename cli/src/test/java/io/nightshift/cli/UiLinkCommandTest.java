package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.ApiRole;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UiLinkCommandTest {
  @TempDir Path dataDir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldPrintALinkToTheUiThatRunsOnTheDataDirectory() throws Exception {
    new LoginLinkDirectory(ApiRole.uiLinkDirectory(RuntimeConfig.defaults(dataDir)), Clock.systemUTC())
        .announce("http://127.0.0.1:18080");

    int exit = run();

    assertThat(exit).isZero();
    assertThat(out.toString().strip()).matches("http://127\\.0\\.0\\.1:18080/login#code=[A-Za-z0-9_-]{43}");
    assertThat(err.toString()).contains("good for one login within 10 minutes");
  }

  @Test
  void shouldSayWhenNoUiRunsThere() {
    int exit = run();

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("error: no workflow UI runs on this data directory");
  }

  private int run() {
    return new CommandLine(new NightshiftCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute("admin", "ui-link", "--data-dir", dataDir.toString());
  }
}
