package io.nightshift.runtime.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Audit logs written by the real writer, and their lines, for the tests to damage. */
final class AuditLogFixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:15:30Z"), ZoneOffset.UTC);

  private AuditLogFixtures() {}

  static AuditEntry entry(int n) {
    return new AuditEntry(AuditActor.anonymous("127.0.0.1:" + (40000 + n)), AuditAction.APPROVE,
        new AuditTarget("task-" + n, "gate"), AuditOutcome.ok(), Map.of("max_tokens", String.valueOf(n)));
  }

  /** A log of {@code records} records at {@code file}, as the writer leaves it. */
  static List<AuditRecord> written(Path file, int records) throws IOException {
    List<AuditRecord> written = new ArrayList<>();
    try (AuditLogWriter writer = AuditLogWriter.open(file, CLOCK)) {
      for (int i = 1; i <= records; i++) {
        written.add(writer.append(entry(i)));
      }
    }
    return written;
  }

  static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  static void writeLines(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
