package io.nightshift.api;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.nightshift.api.audit.AuditedCalls;
import io.nightshift.api.auth.AccessGate;
import io.nightshift.api.auth.AuthServiceImpl;
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
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

  /** What the health service answers for: the server as a whole, and the services that need Temporal. */
  private static final List<String> HEALTH_NAMES = List.of("", "nightshift.v1.TaskService",
      "nightshift.v1.BackendService");

  private final Server server;
  private final HealthStatusManager health;
  private final TaskWatcher watcher;
  private final Optional<InProcessCredential> inProcess;
  private final Optional<TokenCheck> tokens;

  private ApiServer(Server server, HealthStatusManager health, TaskWatcher watcher,
      Optional<InProcessCredential> inProcess, Optional<TokenCheck> tokens) {
    this.server = server;
    this.health = health;
    this.watcher = watcher;
    this.inProcess = inProcess;
    this.tokens = tokens;
  }

  /**
   * Serves the API on the configured address, over the process's Temporal connection, planner, pools and audit
   * log (which the runtime opened, and refused to start on if it did not verify: the API does not serve calls it
   * cannot record).
   */
  public static ApiServer start(RoleContext context) throws IOException {
    RuntimeConfig config = context.config();
    AuditLogWriter audit = context.audit();
    WorkflowClient client = context.temporal().client();
    ArtifactStore artifacts = context.files().artifacts();
    FleetInventory backends = context.pools().inventory();
    HealthStatusManager health = new HealthStatusManager();
    TaskWatcher watcher = new TaskWatcher(client, Duration.ofMillis(300));
    Planning planning = context.planning();
    TaskSubmitter submitter = new TaskSubmitter(client, planning.planner(), planning.pipelines(),
        config.maxParallelSteps(), context.temporal()::searchAttributes, backends.fleet().ids(),
        planning.plannerModel());
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.apiHost(),
        config.apiPort()));
    Optional<TokenCheck> tokens = config.apiAuth() == ApiAuth.NONE ? Optional.empty()
        : Optional.of(FirstAdminToken.prepare(config, Clock.systemUTC()));
    Optional<InProcessCredential> inProcess = intercept(config, builder, audit, tokens);
    // every service, grpc's own included, answers a request that is not its message INVALID_ARGUMENT
    List.of(new TaskServiceImpl(client, submitter, watcher, artifacts), new ArtifactServiceImpl(artifacts),
            new BackendServiceImpl(backends), health.getHealthService(), ProtoReflectionServiceV1.newInstance(),
            new AuthServiceImpl())
        .forEach(service -> builder.addService(UnparseableRequests.answeredInvalid(service.bindService())));
    Server server = builder.build().start();
    // NOT_SERVING while the process is not ready (Temporal or every pool down), SERVING again once it is
    context.ops().readiness().onChange(why -> HEALTH_NAMES.forEach(name -> health.setStatus(name,
        why.isEmpty() ? HealthCheckResponse.ServingStatus.SERVING : HealthCheckResponse.ServingStatus.NOT_SERVING)));
    return new ApiServer(server, health, watcher, inProcess, tokens);
  }

  /**
   * The server's interceptors, outermost last (gRPC calls the last one added first): authentication finds the
   * caller, the audit log records the call under that caller, then the gate refuses what the caller may not do,
   * so refusals are in the audit log too.
   *
   * @return the credential for callers in this process (the workflow UI); empty with authentication off
   */
  private static Optional<InProcessCredential> intercept(RuntimeConfig config, NettyServerBuilder builder,
      AuditLogWriter audit, Optional<TokenCheck> stored) {
    if (stored.isEmpty()) {
      log.warn("API authentication is OFF ({}): anyone who can reach {}:{} may submit, steer, approve and cancel"
          + " tasks; allowed only on loopback, and only for a machine nobody else uses", ApiAuth.OFF_FLAG,
          config.apiHost(), config.apiPort());
      builder.intercept(new AuditedCalls(audit));
      return Optional.empty();
    }
    TokenCheck tokens = stored.get();
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

  /** The stored tokens the API checks, for the codec server beside it; empty with authentication off. */
  public Optional<TokenCheck> tokens() {
    return tokens;
  }

  @Override
  public void close() {
    health.enterTerminalState();
    watcher.close();
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
