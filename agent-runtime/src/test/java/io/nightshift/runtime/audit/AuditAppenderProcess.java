package io.nightshift.runtime.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

/**
 * A second JVM appending to an audit log, as a worker process on the same data directory as the API does: the
 * writer's file lock, not its monitor, must keep the chain whole across processes.
 */
final class AuditAppenderProcess {
  private AuditAppenderProcess() {}

  static Process start(Path log, int records) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AuditAppenderProcess.class.getName(),
        log.toString(), String.valueOf(records)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  public static void main(String[] args) throws IOException {
    try (AuditLogWriter writer = AuditLogWriter.open(Path.of(args[0]), Clock.systemUTC())) {
      for (int i = 1; i <= Integer.parseInt(args[1]); i++) {
        writer.append(AuditLogFixtures.entry(i));
      }
    }
  }
}
