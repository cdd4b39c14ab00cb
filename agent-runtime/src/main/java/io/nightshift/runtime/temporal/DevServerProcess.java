package io.nightshift.runtime.temporal;

import io.nightshift.core.files.OwnerOnly;
import io.nightshift.core.process.ToolEnvironment;
import io.nightshift.workflows.task.TaskSearchAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Temporal dev server ({@code temporal server start-dev}) as a supervised child process, with its
 * SQLite database in the data directory so tasks survive restarts. Output goes to {@code logs/temporal.log}.
 * The child is stopped when the runtime closes; if the runtime is killed, the child outlives it and the next
 * start finds it answering and reuses it.
 */
public final class DevServerProcess implements TemporalServer {
  private static final Logger log = LoggerFactory.getLogger(DevServerProcess.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final String address;
  private final int uiPort;

  private DevServerProcess(Process process, String address, int uiPort) {
    this.process = process;
    this.address = address;
    this.uiPort = uiPort;
  }

  /** @param namespaces the namespaces it creates: the runtime's, then those tenants are mapped to */
  public static DevServerProcess start(Path binary, Path dataDir, int port, int uiPort, List<String> namespaces)
      throws IOException {
    // the database holds every task's history: the runtime's user's alone, like the rest of the data directory
    Path dbDir = OwnerOnly.createDirectories(dataDir.resolve("temporal"));
    Path logs = OwnerOnly.createDirectories(dataDir.resolve("logs"));
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "server", "start-dev",
        "--ip", "127.0.0.1", "--port", String.valueOf(port), "--ui-port", String.valueOf(uiPort),
        "--db-filename", dbDir.resolve("temporal.db").toString(),
        "--log-level", "warn",
        // SQLite in write-ahead-log mode, synced at checkpoints rather than at every commit: the dev server commits
        // every workflow step, and at one fsync each a disk doing ~230 fsync/s capped a 4-slot, 0.2 s endpoint at a
        // quarter of its capacity (bench/README.md, endpoint saturation). A killed process loses nothing (the log
        // is in the OS's cache); a power cut or kernel crash may lose the last commits, never consistency, and
        // Temporal then re-runs those steps, as after any retry. Production runs a real Temporal cluster.
        "--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal"));
    namespaces.forEach(namespace -> cmd.addAll(List.of("--namespace", namespace)));
    TaskSearchAttributes.DEFINITIONS.forEach((name, type) -> cmd.addAll(List.of("--search-attribute", name + "=" + type)));
    log.info("starting Temporal dev server: {}", String.join(" ", cmd));
    // its command line says everything it needs (port, database, namespace): the base environment only, none of
    // the runtime's secrets (and no TEMPORAL_* settings meant for the runtime's own client)
    Process p = ToolEnvironment.confine(new ProcessBuilder(cmd)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("temporal.log").toFile())).start();
    Files.writeString(dbDir.resolve("server.pid"), String.valueOf(p.pid()));
    String address = "127.0.0.1:" + port;
    if (!TemporalProbe.awaitReady(address, START_TIMEOUT, p.toHandle())) {
      p.destroyForcibly();
      throw new IOException("the Temporal dev server did not answer at " + address + " within "
          + START_TIMEOUT.toSeconds() + " s; see " + logs.resolve("temporal.log"));
    }
    log.info("Temporal dev server ready at {} (pid {}), Web UI http://127.0.0.1:{}", address, p.pid(), uiPort);
    return new DevServerProcess(p, address, uiPort);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public String webUi() {
    return "http://127.0.0.1:" + uiPort;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
