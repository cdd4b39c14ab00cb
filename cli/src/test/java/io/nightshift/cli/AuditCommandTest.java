package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.runtime.audit.AuditAction;
import io.nightshift.runtime.audit.AuditActor;
import io.nightshift.runtime.audit.AuditEntry;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.audit.AuditOutcome;
import io.nightshift.runtime.audit.AuditRecord;
import io.nightshift.runtime.audit.AuditTarget;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
  @TempDir Path dataDir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldSayOkWithTheCountAndLastHashAndExitZeroForAnIntactLog() throws Exception {
    AuditRecord last = writeLog(3);

    int exit = run("audit", "verify", "--data-dir", dataDir.toString());

    assertThat(exit).isZero();
    assertThat(out.toString().trim()).isEqualTo("audit log OK: 3 records, last " + last.hash());
  }

  @Test
  void shouldNameTheLineAndExitOneAfterOneByteOfTheLogIsChanged() throws Exception {
    writeLog(3);
    Path log = logFile();
    byte[] bytes = Files.readAllBytes(log);
    int middle = Files.readAllLines(log).get(0).length() + 1 + 40; // inside line 2
    bytes[middle] ^= 0x02;
    Files.write(log, bytes);

    int exit = run("audit", "verify", "--file", log.toString());

    assertThat(exit).isEqualTo(AuditCommand.Verify.DAMAGED);
    assertThat(err.toString()).contains("does NOT verify: line 2: ").contains("the 1 records before it verify");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitTwoWhenThereIsNoLogToCheck() {
    int exit = run("audit", "verify", "--data-dir", dataDir.resolve("never-ran").toString());

    assertThat(exit).isEqualTo(AuditCommand.Verify.NOTHING_TO_CHECK);
    assertThat(err.toString()).contains("no audit log at").contains("has not run with this data directory");
  }

  @Test
  void shouldRefuseBothDataDirAndFile() throws Exception {
    writeLog(1);

    int exit = run("audit", "verify", "--data-dir", dataDir.toString(), "--file", logFile().toString());

    assertThat(exit).isEqualTo(AuditCommand.Verify.NOTHING_TO_CHECK);
    assertThat(err.toString()).contains("--data-dir or --file, not both");
  }

  private AuditRecord writeLog(int records) throws Exception {
    AuditRecord last = null;
    try (AuditLogWriter writer = AuditLogWriter.open(logFile(), Clock.systemUTC())) {
      for (int i = 0; i < records; i++) {
        last = writer.append(new AuditEntry(AuditActor.anonymous("127.0.0.1:5000" + i), AuditAction.PAUSE,
            AuditTarget.task("task-" + i), AuditOutcome.ok(), Map.of()));
      }
    }
    return last;
  }

  private Path logFile() {
    return RuntimeConfig.defaults(dataDir).auditLogFile();
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new NightshiftCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
