package io.nightshift.runtime.audit;

import static io.nightshift.runtime.audit.AuditLogFixtures.lines;
import static io.nightshift.runtime.audit.AuditLogFixtures.writeLines;
import static io.nightshift.runtime.audit.AuditLogFixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogVerifierTest {
  @TempDir Path dir;

  @Test
  void shouldVerifyTheChainItsWriterWrote() throws Exception {
    Path log = dir.resolve("audit.log");
    List<AuditRecord> records = written(log, 3);

    AuditVerification result = AuditLogVerifier.verify(log);

    assertThat(result.problem()).isEmpty();
    assertThat(result.records()).isEqualTo(3);
    assertThat(result.lastHash()).isEqualTo(records.get(2).hash()).hasSize(64);
    assertThat(records.get(0).prev()).isEqualTo(AuditLines.GENESIS);
    assertThat(records.get(1).prev()).isEqualTo(AuditLines.sha256(lines(log).get(0)));
  }

  @Test
  void shouldVerifyAnEmptyLogAsNoRecords() throws Exception {
    Path log = Files.createFile(dir.resolve("audit.log"));

    AuditVerification result = AuditLogVerifier.verify(log);

    assertThat(result.ok()).isTrue();
    assertThat(result.records()).isZero();
    assertThat(result.lastHash()).isEqualTo(AuditLines.GENESIS);
  }

  @Test
  void shouldNameTheMiddleLineWhicheverOfItsBytesIsChanged() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 3);
    byte[] original = Files.readAllBytes(log);
    int start = lines(log).get(0).length() + 1;
    int end = start + lines(log).get(1).length(); // the newline that ends line 2 included

    for (int at = start; at <= end; at++) {
      byte[] changed = original.clone();
      changed[at] ^= 0x01;
      Files.write(log, changed);

      AuditVerification result = AuditLogVerifier.verify(log);

      assertThat(result.problem()).as("byte %d changed", at).hasValueSatisfying(p -> assertThat(p.line())
          .isEqualTo(2));
      assertThat(result.records()).isEqualTo(1);
    }
  }

  @Test
  void shouldCatchAChangedValueWithItsHashLeftAsItWas() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 3);
    List<String> lines = new ArrayList<>(lines(log));
    lines.set(1, lines.get(1).replace("\"task-2\"", "\"task-9\""));
    writeLines(log, lines);

    assertThat(AuditLogVerifier.verify(log).problem()).hasValueSatisfying(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.what()).contains("hash does not match");
    });
  }

  @Test
  void shouldCatchADeletedLine() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 3);
    List<String> lines = new ArrayList<>(lines(log));
    lines.remove(1);
    writeLines(log, lines);

    assertThat(AuditLogVerifier.verify(log).problem()).hasValueSatisfying(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.what()).contains("sequence number 3 where 2 was expected");
    });
  }

  @Test
  void shouldCatchAReorderedPair() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 4);
    List<String> lines = new ArrayList<>(lines(log));
    Collections.swap(lines, 1, 2);
    writeLines(log, lines);

    assertThat(AuditLogVerifier.verify(log).problem()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(2));
  }

  @Test
  void shouldCatchATruncatedLastLine() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 3);
    byte[] bytes = Files.readAllBytes(log);
    Files.write(log, Arrays.copyOf(bytes, bytes.length - 10));

    AuditVerification result = AuditLogVerifier.verify(log);

    assertThat(result.problem()).hasValueSatisfying(p -> {
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.what()).contains("cut short");
    });
    assertThat(result.records()).isEqualTo(2);
  }

  @Test
  void shouldCatchAJsonEquivalentRespellingOfALine() throws Exception {
    Path log = dir.resolve("audit.log");
    written(log, 2);
    List<String> lines = new ArrayList<>(lines(log));
    lines.set(0, lines.get(0).replace("\"task-1\"", "\"\\u0074ask-1\"")); // the same string, to a JSON parser
    writeLines(log, lines);

    assertThat(AuditLogVerifier.verify(log).problem()).hasValueSatisfying(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.what()).contains("not in the form");
    });
  }
}
