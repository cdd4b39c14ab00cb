package io.nightshift.api;

import io.grpc.BindableService;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.nightshift.api.audit.AuditedCalls;
import io.nightshift.api.auth.AccessGate;
import io.nightshift.api.auth.AuthServiceImpl;
import io.nightshift.api.auth.BearerAuthentication;
import io.nightshift.api.auth.InProcessCredential;
import io.nightshift.api.backends.BackendServiceImpl;
import io.nightshift.api.edge.TaskIdInLogs;
import io.nightshift.api.edge.UnparseableRequests;
import io.nightshift.api.tls.ServerPem;
import io.nightshift.api.tls.ServerTls;
import io.nightshift.api.tracing.TracedCalls;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC API: TaskService, ArtifactService, BackendService, the standard health service and server reflection,
 * with every state-changing call recorded in the data directory's audit log. Callers need a bearer token from the
 * data directory's token store (made at first start, see {@link FirstAdminToken}) unless the runtime runs with
 * {@code --insecure-no-auth}, on loopback. The socket is plaintext on loopback, or TLS / mutual TLS with
 * {@code --api-tls-*}; the same services behind the same interceptors are also served in-process, so the workflow
 * UI beside the API calls it without a client certificate of its own (its calls still carry a token, and are
 * audited and gated like any other).
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final Duration WATCH_EVERY = Duration.ofMillis(300);

  /** What the health service answers for: the server as a whole, and the services that need Temporal. */
  private static final List<String> HEALTH_NAMES = List.of("", "nightshift.v1.TaskService",
      "nightshift.v1.BackendService");

  private final Server server;
  private final Server inProcessServer;
  private final String inProcessName;
  private final HealthStatusManager health;
  private final TaskNamespaces namespaces;
  private final Optional<InProcessCredential> inProcess;
  private final Optional<TokenCheck> tokens;

  private ApiServer(Server server, Server inProcessServer, String inProcessName, HealthStatusManager health,
      TaskNamespaces namespaces, Optional<InProcessCredential> inProcess, Optional<TokenCheck> tokens) {
    this.server = server;
    this.inProcessServer = inProcessServer;
    this.inProcessName = inProcessName;
    this.health = health;
    this.namespaces = namespaces;
    this.inProcess = inProcess;
    this.tokens = tokens;
  }

  /**
   * Serves the API on the configured address, over the process's Temporal connection, planner, pools and audit
   * log (which the runtime opened, and refused to start on if it did not verify: the API does not serve calls it
   * cannot record).
   *
   * @param pem the {@code --api-tls-*} files, read once for the API and the web listeners beside it; empty for
   *            plaintext
   */
  public static ApiServer start(RoleContext context, Optional<ServerPem> pem) throws IOException {
    RuntimeConfig config = context.config();
    AuditLogWriter audit = context.audit();
    ArtifactStore artifacts = context.files().artifacts();
    FleetInventory backends = context.pools().inventory();
    HealthStatusManager health = new HealthStatusManager();
    TaskNamespaces namespaces = namespaces(context);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.apiHost(),
        config.apiPort()));
    pem.map(p -> ServerTls.context(config.apiTls(), p)).ifPresent(builder::sslContext);
    String inProcessName = "nightshift-api-" + UUID.randomUUID();
    InProcessServerBuilder local = InProcessServerBuilder.forName(inProcessName);
    Optional<InProcessCredential> inProcess = authentication(config);
    Optional<TokenCheck> tokens = inProcess.isEmpty() ? Optional.empty()
        : Optional.of(FirstAdminToken.prepare(config, Clock.systemUTC()));
    List<ServerInterceptor> interceptors = interceptors(config, audit, inProcess, tokens);
    List<BindableService> services = List.of(new TaskServiceImpl(namespaces,
            () -> context.temporal().reachability().state().reachable()), new ArtifactServiceImpl(artifacts,
            new TaskArtifactIndex(namespaces)),
        new BackendServiceImpl(backends), health.getHealthService(), new AuthServiceImpl());
    Server server = serve(builder, services, interceptors).build().start();
    Server inProcessServer;
    try {
      inProcessServer = serve(local, services, interceptors).build().start();
    } catch (IOException | RuntimeException e) {
      server.shutdownNow();
      throw e;
    }
    log.info("API: {}", ServerTls.describe(config.apiTls(), config.apiHost(), server.getPort()));
    // NOT_SERVING while the process is not ready (Temporal or every pool down), SERVING again once it is
    context.ops().readiness().onChange(why -> HEALTH_NAMES.forEach(name -> health.setStatus(name,
        why.isEmpty() ? HealthCheckResponse.ServingStatus.SERVING : HealthCheckResponse.ServingStatus.NOT_SERVING)));
    return new ApiServer(server, inProcessServer, inProcessName, health, namespaces, inProcess, tokens);
  }

  /** The services and interceptors on one transport; reflection is per server, since it lists that server's. */
  private static ServerBuilder<?> serve(ServerBuilder<?> builder, List<BindableService> services,
      List<ServerInterceptor> interceptors) {
    // every service, grpc's own included, answers a request that is not its message INVALID_ARGUMENT
    Stream.concat(services.stream(), Stream.of(ProtoReflectionServiceV1.newInstance()))
        .forEach(service -> builder.addService(UnparseableRequests.answeredInvalid(service.bindService())));
    interceptors.forEach(builder::intercept);
    builder.intercept(new TaskIdInLogs()); // the audit's and the service's lines carry the task's id
    // added last, so outermost: a call refused by authentication or the gate has its span too
    builder.intercept(new TracedCalls());
    return builder;
  }

  /** The runtime's namespace, and each one a tenant is mapped to ({@code --tenant-namespace}) for its tenants. */
  private static TaskNamespaces namespaces(RoleContext context) {
    TenantNamespaceClients mapped = context.tenantNamespaces();
    Optional<ArtifactStore> artifacts = Optional.of(context.files().artifacts());
    WatchSlots slots = new WatchSlots(context.config().maxWatchers());
    // each namespace's attributes are read at each submit: registered once Temporal is back if it was down at start
    TaskNamespace home = TaskNamespace.of(context.temporal().client(),
        submitter(context, context.temporal().client(), context.temporal()::searchAttributes), WATCH_EVERY, slots,
        artifacts);
    Map<String, TaskNamespace> byNamespace = new HashMap<>();
    mapped.byNamespace().forEach((namespace, client) -> byNamespace.put(namespace, TaskNamespace.of(client,
        submitter(context, client, () -> mapped.searchAttributes(namespace)), WATCH_EVERY, slots, artifacts)));
    Map<String, TaskNamespace> byTenant = new HashMap<>();
    context.config().tenantNamespaces().byTenant().forEach((tenant, namespace) ->
        byTenant.put(tenant, byNamespace.getOrDefault(namespace, home)));
    return new TaskNamespaces(home, byTenant);
  }

  private static TaskSubmitter submitter(RoleContext context, WorkflowClient client,
      BooleanSupplier searchAttributes) {
    Planning planning = context.planning();
    return new TaskSubmitter(client, planning.planner(), planning.pipelines(), context.config().maxParallelSteps(),
        searchAttributes, context.pools().inventory().fleet().ids(), planning.plannerModel());
  }

  /**
   * The server's interceptors, outermost last (gRPC calls the last one added first): authentication finds the
   * caller, the audit log records the call under that caller, then the gate refuses what the caller may not do,
   * so refusals are in the audit log too.
   */
  private static List<ServerInterceptor> interceptors(RuntimeConfig config, AuditLogWriter audit,
      Optional<InProcessCredential> ui, Optional<TokenCheck> stored) {
    if (ui.isEmpty()) {
      return List.of(new AuditedCalls(audit));
    }
    TokenCheck tokens = stored.orElseThrow();
    log.info("API authentication on: bearer tokens from {}", config.tokenStoreFile());
    return List.of(new AccessGate(), new AuditedCalls(audit),
        new BearerAuthentication(presented -> ui.get().check(presented).or(() -> tokens.check(presented))));
  }

  /** The credential for callers in this process (the workflow UI); empty with authentication off. */
  private static Optional<InProcessCredential> authentication(RuntimeConfig config) {
    if (config.apiAuth() == ApiAuth.NONE) {
      log.warn("API authentication is OFF ({}): anyone who can reach {}:{} may submit, steer, approve and cancel"
          + " tasks; allowed only on loopback, and only for a machine nobody else uses", ApiAuth.OFF_FLAG,
          config.apiHost(), config.apiPort());
      return Optional.empty();
    }
    return Optional.of(InProcessCredential.forHolder("workflow-ui"));
  }

  /**
   * A channel to this API inside this process: the same services and checks as the socket, without its TLS, for the
   * workflow UI beside it. Add the {@link #inProcessToken} to its calls where authentication is on.
   */
  public ManagedChannelBuilder<?> inProcessChannel() {
    return InProcessChannelBuilder.forName(inProcessName);
  }

  /** The token the workflow UI in this process calls the API with; empty with authentication off. */
  public Optional<String> inProcessToken() {
    return inProcess.map(InProcessCredential::bearer);
  }

  public int port() {
    return server.getPort();
  }

  /** The stored tokens the API checks, for the codec server beside it; empty with authentication off. */
  public Optional<TokenCheck> tokens() {
    return tokens;
  }

  @Override
  public void close() {
    health.enterTerminalState();
    namespaces.close();
    inProcessServer.shutdown();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
      if (!inProcessServer.awaitTermination(1, TimeUnit.SECONDS)) {
        inProcessServer.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      inProcessServer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
