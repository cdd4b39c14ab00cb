package io.nightshift.runtime.temporal;

import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and starts the Temporal server for a runtime: an external cluster when configured; else a server
 * already answering at the local address (e.g. left by a runtime that was killed); else the official dev server
 * from a located or provisioned {@code temporal} binary; else, with a loud warning, the in-memory server.
 */
public final class LocalTemporal {
  private static final Logger log = LoggerFactory.getLogger(LocalTemporal.class);

  /** How long a server that listens on the address but answers slowly is waited for before starting another. */
  private static final Duration REUSE_PATIENCE = Duration.ofSeconds(20);

  private LocalTemporal() {}

  public static TemporalServer open(RuntimeConfig config) throws IOException {
    if (!config.localTemporal()) {
      log.info("using the Temporal cluster at {} (namespace {})", config.temporalAddress(), config.namespace());
      return TemporalServer.external(config.temporalAddress(), null);
    }
    String address = config.effectiveTemporalAddress();
    if (TemporalProbe.answersWithin(address, REUSE_PATIENCE)) {
      log.info("a Temporal server already answers at {}: reusing it", address);
      return TemporalServer.external(address, "http://127.0.0.1:" + config.temporalUiPort());
    }
    if (config.temporalServer() == RuntimeConfig.LocalServerKind.IN_MEMORY) {
      log.warn("using Temporal's in-memory server as asked: nothing survives a restart of this process");
      return InMemoryServer.start(config.temporalPort());
    }
    Optional<Path> binary = TemporalBinary.locate(config.toolsDir());
    if (binary.isPresent()) {
      List<String> namespaces = new ArrayList<>(List.of(config.namespace()));
      namespaces.addAll(config.tenantNamespaces().besides(config.namespace()));
      return DevServerProcess.start(binary.get(), config.dataDir(), config.temporalPort(), config.temporalUiPort(),
          namespaces);
    }
    if (config.temporalServer() == RuntimeConfig.LocalServerKind.DEV) {
      throw new IOException("no temporal binary found or provisionable, and --temporal-server=DEV forbids the"
          + " in-memory fallback; put the Temporal CLI on the PATH (or name it in NIGHTSHIFT_TEMPORAL_BIN) or pass --temporal-address");
    }
    log.warn("**************************************************************************************");
    log.warn("No temporal binary could be found or provisioned: using Temporal's IN-MEMORY server.");
    log.warn("NOTHING SURVIVES A RESTART of this process. Install the Temporal CLI for durable tasks.");
    log.warn("**************************************************************************************");
    return InMemoryServer.start(config.temporalPort());
  }
}
