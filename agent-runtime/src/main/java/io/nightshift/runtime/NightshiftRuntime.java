package io.nightshift.runtime;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.egress.EgressPolicy;
import io.nightshift.core.crypto.KeyRing;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.backends.AcceleratorPools;
import io.nightshift.runtime.config.DataDirectories;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.egress.EgressAtStart;
import io.nightshift.runtime.egress.EgressAudit;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.memory.FileNotebooks;
import io.nightshift.runtime.ops.Operations;
import io.nightshift.runtime.ops.ProcessMetrics;
import io.nightshift.runtime.planning.Planning;
import io.nightshift.runtime.temporal.TemporalConnection;
import io.nightshift.runtime.temporal.TemporalRole;
import io.nightshift.runtime.temporal.TemporalServer;
import io.nightshift.runtime.temporal.TenantNamespaceClients;
import io.nightshift.runtime.temporal.codec.PayloadEncryption;
import io.nightshift.runtime.temporal.tls.TemporalCredentials;
import io.nightshift.runtime.tracing.RuntimeTracing;
import io.nightshift.workflows.activities.ToolFiles;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Nightshift process: the roles it was asked for, composed from the parts each contributes. Start-up is a
 * list: where a worker or API runs, the egress check of every host its configuration names, the Temporal link's TLS
 * files and API key, and the accelerator pools (all before Temporal, so a bad backends file, a host outside the
 * allow-list or a bad certificate fails at once), the audit log (which also records the connections the allow-list
 * refuses), the Temporal server, then, where a worker or API runs, the process's metrics registry, the Temporal
 * connection and the tenants' namespaces on it, the ops endpoints and samplers ({@link Operations}), tools and
 * pipelines, and each role's part in {@link Role} order (workers, then the API). Everything is closed in reverse by {@link #close()}.
 *
 * <p>The caller brings the role parts, so this module need not know the API's: the CLI, which sees every module,
 * passes the worker's and the API's; bench passes the worker's alone.
 */
public final class NightshiftRuntime implements AutoCloseable {
  private final Closer started;
  private final TemporalServer temporal;

  private NightshiftRuntime(Closer started, TemporalServer temporal) {
    this.started = started;
    this.temporal = temporal;
  }

  /**
   * @param roles what this process does
   * @param parts the parts it may use, at most one per role; every role asked but the temporal role needs one
   */
  public static NightshiftRuntime start(RuntimeConfig config, Set<Role> roles, Collection<RolePart> parts)
      throws IOException {
    List<RolePart> asked = asked(roles, parts);
    Closer started = new Closer();
    try {
      return new NightshiftRuntime(started, startRoles(config, roles, asked, started));
    } catch (IOException | RuntimeException e) {
      started.close();
      throw e;
    }
  }

  private static TemporalServer startRoles(RuntimeConfig config, Set<Role> roles, List<RolePart> asked,
      Closer started) throws IOException {
    DataDirectories.prepare(config);
    // the worker role runs the agents: their model endpoints are read only there, and only there are they known
    boolean agentsHere = roles.contains(Role.WORKER);
    if (!asked.isEmpty()) {
      // before anything connects: a configured host outside the allow-list fails the start, naming its setting
      EgressAtStart.check(config, agentsHere);
      // before anything asks for a tracer, which would fix OpenTelemetry's global as the no-op
      RuntimeTracing.start(config.traceExport(),
          roles.stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).toList(), started);
    }
    // the TLS files and API key are read once, also before anything connects, so a bad one fails here naming its flag
    TemporalCredentials credentials = asked.isEmpty() ? TemporalCredentials.plaintext()
        : TemporalCredentials.load(config.effectiveTemporalAddress(), config.temporalSecurity());
    // one audit log per data directory, shared by every process on it: the API records calls, workers the
    // connections the allow-list refused; a log that does not verify stops the start here
    Optional<AuditLogWriter> audit = asked.isEmpty() ? Optional.empty()
        : Optional.of(started.push(AuditLogWriter.open(config.auditLogFile(), Clock.systemUTC())));
    EgressPolicy egress = audit.map(a -> config.egress().reportingTo(new EgressAudit(a, processName())))
        .orElse(config.egress());
    Optional<AcceleratorPools> pools = asked.isEmpty() ? Optional.empty()
        : Optional.of(AcceleratorPools.open(config, egress, agentsHere, started));
    TemporalServer temporal = started.push(TemporalRole.open(config, roles.contains(Role.TEMPORAL)));
    if (pools.isEmpty()) {
      return temporal; // the temporal role alone
    }
    // workers and the API seal and open payloads and artifacts with the same key file, so each reads what the others
    // wrote, and one rotation covers both
    KeyRing keys = PayloadEncryption.openKeys(config.payloadKeysFile());
    // one registry per process, closed after the connection that reports Temporal's own metrics into it
    ProcessMetrics metrics = started.push(ProcessMetrics.create());
    TemporalConnection connection = TemporalConnection.open(temporal, config.namespace(),
        PayloadEncryption.around(keys), credentials, metrics.temporalScope(), started);
    // the tenants' namespaces on the same connection, opened once for the workers, the API and the task counts
    TenantNamespaceClients namespaces = TenantNamespaceClients.open(connection, config.tenantNamespaces());
    Operations ops = started.push(Operations.start(config, roles.contains(Role.API), metrics, namespaces,
        pools.get()));
    Planning planning = Planning.open(config, agentsHere, pools.get().endpoints(), started);
    // every tool this process runs reads users' files from the inputs directory only, through its ToolContext
    // agents' notes: an index per memory scope under the data directory, the notes themselves artifacts
    FileArtifactStore artifacts = new FileArtifactStore(config.artifactsDir(), keys);
    ToolFiles files = new ToolFiles(artifacts, config.scratchDir(), Optional.of(config.inputsDir()), egress,
        new FileNotebooks(config.memoryDir(), artifacts, Clock.systemUTC()));
    RoleContext context = new RoleContext(config, pools.get(), connection, planning, files, audit.orElseThrow(),
        keys, ops, namespaces);
    for (RolePart part : asked) {
      part.start(context, started);
    }
    ops.rolesStarted();
    return temporal;
  }

  /** This process as audit records name it: its pid, and the host where that names one. */
  private static String processName() {
    String host = System.getenv("HOSTNAME");
    return "pid " + ProcessHandle.current().pid() + (host == null || host.isBlank() ? "" : "@" + host);
  }

  /** The parts of the roles asked, in start order; a role asked without a part fails before anything starts. */
  private static List<RolePart> asked(Set<Role> roles, Collection<RolePart> parts) {
    for (Role role : roles) {
      long found = parts.stream().filter(p -> p.role() == role).count();
      if (found > 1 || (found == 0 && role != Role.TEMPORAL)) {
        throw new IllegalArgumentException("the " + role + " role needs exactly one part, found " + found
            + " among the parts given: " + parts.stream().map(p -> p.role() + " (" + p.getClass().getName() + ")")
            .collect(Collectors.joining(", ", "[", "]")));
      }
    }
    return parts.stream().filter(p -> roles.contains(p.role())).sorted(Comparator.comparing(RolePart::role))
        .toList();
  }

  public TemporalServer temporal() {
    return temporal;
  }

  @Override
  public void close() {
    started.close();
  }
}
