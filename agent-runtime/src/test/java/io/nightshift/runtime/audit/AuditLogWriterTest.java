package io.nightshift.runtime.audit;

import static io.nightshift.runtime.audit.AuditLogFixtures.CLOCK;
import static io.nightshift.runtime.audit.AuditLogFixtures.entry;
import static io.nightshift.runtime.audit.AuditLogFixtures.lines;
import static io.nightshift.runtime.audit.AuditLogFixtures.writeLines;
import static io.nightshift.runtime.audit.AuditLogFixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nightshift.core.files.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogWriterTest {
  @TempDir Path dir;

  @Test
  void shouldWriteOneCanonicalJsonLinePerRecord() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 1);

    assertThat(lines(log)).singleElement().asString()
        .startsWith("{\"seq\":1,\"time\":\"2026-12-06T10:15:30Z\",\"actor\":{\"principal\":\"anonymous\","
            + "\"peer\":\"127.0.0.1:40001\"},\"action\":\"approve\",\"target\":{\"task\":\"task-1\",\"step\":\"gate\"},"
            + "\"outcome\":{\"result\":\"ok\"},\"details\":{\"max_tokens\":\"1\"},\"prev\":\"" + AuditLines.GENESIS
            + "\",\"hash\":\"");
  }

  @Test
  void shouldContinueTheChainAcrossRestarts() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 2);

    AuditRecord third;
    try (AuditLogWriter writer = AuditLogWriter.open(log, CLOCK)) {
      third = writer.append(entry(3));
    }

    assertThat(third.seq()).isEqualTo(3);
    assertThat(third.prev()).isEqualTo(AuditLines.sha256(lines(log).get(1)));
    AuditVerification result = AuditLogVerifier.verify(log);
    assertThat(result.problem()).isEmpty();
    assertThat(result.records()).isEqualTo(3);
  }

  @Test
  void shouldKeepTheChainWholeUnderConcurrentAppends() throws Exception {
    Path log = dir.resolve("audit.log");
    int threads = 6;
    int each = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (AuditLogWriter writer = AuditLogWriter.open(log, CLOCK)) {
      List<Callable<Void>> appenders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        appenders.add(() -> {
          for (int i = 0; i < each; i++) {
            writer.append(entry(i));
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(appenders)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    AuditVerification result = AuditLogVerifier.verify(log);
    assertThat(result.problem()).isEmpty();
    assertThat(result.records()).isEqualTo(threads * each);
  }

  @Test
  void shouldRefuseToOpenALogThatDoesNotVerifyNamingTheLineAndTheWayOn() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 3);
    List<String> lines = new ArrayList<>(lines(log));
    lines.set(1, lines.get(1).replace("task-2", "task-7"));
    writeLines(log, lines);

    assertThatThrownBy(() -> AuditLogWriter.open(log, CLOCK)).isInstanceOf(AuditLogException.class)
        .hasMessageContaining("line 2: hash does not match")
        .hasMessageContaining("nightshift audit verify --file " + log)
        .hasMessageContaining("move it aside");
    assertThat(lines(log)).hasSize(3);
  }

  @Test
  void shouldChainTheRecordsOfTwoWritersOfOneLogIntoOne() throws Exception {
    Path log = dir.resolve("audit.log");
    try (AuditLogWriter api = AuditLogWriter.open(log, CLOCK);
        AuditLogWriter worker = AuditLogWriter.open(log, CLOCK)) {
      api.append(entry(1));
      assertThat(worker.append(entry(2)).seq()).isEqualTo(2);
      assertThat(api.append(entry(3)).prev()).isEqualTo(AuditLines.sha256(lines(log).get(1)));
    }
    AuditVerification result = AuditLogVerifier.verify(log);
    assertThat(result.problem()).isEmpty();
    assertThat(result.records()).isEqualTo(3);
  }

  @Test
  void shouldKeepOneWholeChainWhenSeveralProcessesAppendAtOnce() throws Exception {
    Path log = dir.resolve("audit.log");
    int perProcess = 150;
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      processes.add(AuditAppenderProcess.start(log, perProcess));
    }
    try (AuditLogWriter here = AuditLogWriter.open(log, CLOCK)) {
      for (int i = 1; i <= perProcess; i++) {
        here.append(entry(i));
      }
    }
    for (Process process : processes) {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes())).isZero();
    }

    AuditVerification result = AuditLogVerifier.verify(log);
    assertThat(result.problem()).isEmpty();
    assertThat(result.records()).isEqualTo(3L * perProcess);
  }

  @Test
  void shouldStopAppendingAfterALastLineCutShortRatherThanChainOverIt() throws Exception {
    Path log = dir.resolve("audit.log");
    try (AuditLogWriter writer = AuditLogWriter.open(log, CLOCK)) {
      writer.append(entry(1));
      Files.writeString(log, "{\"seq\":2,\"ti", StandardOpenOption.APPEND); // a writer died here

      assertThatThrownBy(() -> writer.append(entry(2))).isInstanceOf(AuditLogException.class)
          .hasMessageContaining("cut short").hasMessageContaining("nightshift audit verify --file");
      assertThat(writer.failure()).isPresent();
    }
  }

  @Test
  void shouldCreateTheLogAndItsDirectoryOwnerOnly() throws Exception {
    assumeTrue(OwnerOnly.isPosix(dir));
    Path log = dir.resolve("audit").resolve("audit.log");

    written(log, 1);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void shouldTightenALogOthersCouldRead() throws Exception {
    assumeTrue(OwnerOnly.isPosix(dir));
    Path log = Files.createFile(dir.resolve("audit.log"));
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

    written(log, 1);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
  }
}
