package io.nightshift.api;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.nightshift.api.audit.AuditedCalls;
import io.nightshift.api.auth.AccessGate;
import io.nightshift.api.auth.BearerAuthentication;
import io.nightshift.api.auth.InProcessCredential;
import io.nightshift.api.backends.BackendServiceImpl;
import io.nightshift.api.edge.UnparseableRequests;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.runtime.RoleContext;
import io.nightshift.runtime.audit.AuditLogWriter;
import io.nightshift.runtime.auth.FirstAdminToken;
import io.nightshift.runtime.auth.TokenCheck;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.planning.Planning;
import io.nightshift.runtime.temporal.TenantNamespaceClients;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC API: TaskService, ArtifactService, BackendService, the standard health service and server reflection,
 * with every state-changing call recorded in the data directory's audit log. Callers need a bearer token from the
 * data directory's token store (made at first start, see {@link FirstAdminToken}) unless the runtime runs with
 * {@code --insecure-no-auth}, on loopback.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final Duration WATCH_EVERY = Duration.ofMillis(300);

  private final Server server;
  private final HealthStatusManager health;
  private final TaskNamespaces namespaces;
  private final Optional<InProcessCredential> inProcess;

  private ApiServer(Server server, HealthStatusManager health, TaskNamespaces namespaces,
      Optional<InProcessCredential> inProcess) {
    this.server = server;
    this.health = health;
    this.namespaces = namespaces;
    this.inProcess = inProcess;
  }

  /**
   * Serves the API on the configured address, over the process's Temporal connection, planner, pools and audit
   * log (which the runtime opened, and refused to start on if it did not verify: the API does not serve calls it
   * cannot record).
   */
  public static ApiServer start(RoleContext context) throws IOException {
    RuntimeConfig config = context.config();
    AuditLogWriter audit = context.audit();
    ArtifactStore artifacts = context.files().artifacts();
    FleetInventory backends = context.pools().inventory();
    HealthStatusManager health = new HealthStatusManager();
    TaskNamespaces namespaces = namespaces(context);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.apiHost(),
        config.apiPort()));
    Optional<InProcessCredential> inProcess = intercept(config, builder, audit);
    // every service, grpc's own included, answers a request that is not its message INVALID_ARGUMENT
    List.of(new TaskServiceImpl(namespaces), new ArtifactServiceImpl(artifacts,
            (taskId, scope) -> ArtifactRefs.in(namespaces.of(scope).reader().get(taskId, scope))),
            new BackendServiceImpl(backends), health.getHealthService(), ProtoReflectionServiceV1.newInstance())
        .forEach(service -> builder.addService(UnparseableRequests.answeredInvalid(service.bindService())));
    Server server = builder.build().start();
    health.setStatus("", HealthCheckResponse.ServingStatus.SERVING);
    health.setStatus("nightshift.v1.TaskService", HealthCheckResponse.ServingStatus.SERVING);
    health.setStatus("nightshift.v1.BackendService", HealthCheckResponse.ServingStatus.SERVING);
    return new ApiServer(server, health, namespaces, inProcess);
  }

  /** The runtime's namespace, and each one a tenant is mapped to ({@code --tenant-namespace}) for its tenants. */
  private static TaskNamespaces namespaces(RoleContext context) {
    TenantNamespaceClients mapped = TenantNamespaceClients.open(context.temporal(),
        context.config().tenantNamespaces());
    Optional<ArtifactStore> artifacts = Optional.of(context.files().artifacts());
    TaskNamespace home = TaskNamespace.of(context.temporal().client(),
        submitter(context, context.temporal().client(), context.temporal().searchAttributes()), WATCH_EVERY, artifacts);
    Map<String, TaskNamespace> byNamespace = new HashMap<>();
    mapped.byNamespace().forEach((namespace, client) -> byNamespace.put(namespace, TaskNamespace.of(client,
        submitter(context, client, mapped.searchAttributes().get(namespace)), WATCH_EVERY, artifacts)));
    Map<String, TaskNamespace> byTenant = new HashMap<>();
    context.config().tenantNamespaces().byTenant().forEach((tenant, namespace) ->
        byTenant.put(tenant, byNamespace.getOrDefault(namespace, home)));
    return new TaskNamespaces(home, byTenant);
  }

  private static TaskSubmitter submitter(RoleContext context, WorkflowClient client, boolean searchAttributes) {
    Planning planning = context.planning();
    return new TaskSubmitter(client, planning.planner(), planning.pipelines(), context.config().maxParallelSteps(),
        searchAttributes, context.pools().inventory().fleet().ids(), planning.plannerModel());
  }

  /**
   * The server's interceptors, outermost last (gRPC calls the last one added first): authentication finds the
   * caller, the audit log records the call under that caller, then the gate refuses what the caller may not do,
   * so refusals are in the audit log too.
   *
   * @return the credential for callers in this process (the workflow UI); empty with authentication off
   */
  private static Optional<InProcessCredential> intercept(RuntimeConfig config, NettyServerBuilder builder,
      AuditLogWriter audit) throws IOException {
    if (config.apiAuth() == ApiAuth.NONE) {
      log.warn("API authentication is OFF ({}): anyone who can reach {}:{} may submit, steer, approve and cancel"
          + " tasks; allowed only on loopback, and only for a machine nobody else uses", ApiAuth.OFF_FLAG,
          config.apiHost(), config.apiPort());
      builder.intercept(new AuditedCalls(audit));
      return Optional.empty();
    }
    TokenCheck tokens = FirstAdminToken.prepare(config, Clock.systemUTC());
    InProcessCredential ui = InProcessCredential.forHolder("workflow-ui");
    builder.intercept(new AccessGate()).intercept(new AuditedCalls(audit))
        .intercept(new BearerAuthentication(presented -> ui.check(presented).or(() -> tokens.check(presented))));
    log.info("API authentication on: bearer tokens from {}", config.tokenStoreFile());
    return Optional.of(ui);
  }

  /** The token the workflow UI in this process calls the API with; empty with authentication off. */
  public Optional<String> inProcessToken() {
    return inProcess.map(InProcessCredential::bearer);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    health.enterTerminalState();
    namespaces.close();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
