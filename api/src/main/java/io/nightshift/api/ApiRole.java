package io.nightshift.api;

import io.grpc.ManagedChannelBuilder;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.RoleContext;
import io.nightshift.runtime.RolePart;
import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.lifecycle.Closer;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API role: the gRPC API and, beside it, the workflow UI. Started once; after it starts, it tells where both
 * listen.
 */
public final class ApiRole implements RolePart {
  private static final Logger log = LoggerFactory.getLogger(ApiRole.class);

  private Optional<Listening> listening = Optional.empty();

  /** Where the started API and UI listen, and the API itself for in-process callers. */
  private record Listening(String host, int apiPort, Optional<Integer> uiPort, ApiServer api) {}

  @Override
  public Role role() {
    return Role.API;
  }

  @Override
  public void start(RoleContext context, Closer closer) throws IOException {
    if (listening.isPresent()) {
      throw new IllegalStateException("the API role has started already");
    }
    RuntimeConfig config = context.config();
    ApiServer api = closer.push(ApiServer.start(context));
    log.info("gRPC API on {}:{}", config.apiHost(), api.port());
    Optional<WorkflowUiServer> ui = config.uiPort() > 0 ? startUi(config, api, closer) : Optional.empty();
    listening = Optional.of(new Listening(config.apiHost(), api.port(), ui.map(WorkflowUiServer::port), api));
    ui.ifPresent(u -> log.info("workflow UI on {}", uiUrl().orElseThrow()));
  }

  /**
   * The workflow UI is a view for people beside the API, not part of the runtime's work: a port already taken
   * (another runtime's UI) is a warning with the way out, never a reason to stop the tasks.
   */
  private static Optional<WorkflowUiServer> startUi(RuntimeConfig config, ApiServer api, Closer closer) {
    Optional<String> token = api.inProcessToken();
    if (token.isPresent() && !ApiAuth.isLoopbackHost(config.apiHost())) {
      // it has no login of its own yet and calls the API as an admin: off loopback, that would hand anyone who
      // reaches the port what the API's tokens guard
      log.warn("workflow UI not started: it has no login yet and the API binds {}, not loopback; reach it through"
          + " a runtime bound to 127.0.0.1 (e.g. over ssh -L)", config.apiHost());
      return Optional.empty();
    }
    try {
      // in-process: the UI needs no client certificate for an API with mutual TLS, and its calls never leave
      return Optional.of(closer.push(WorkflowUiServer.start(config.apiHost(), config.uiPort(),
          api.inProcessChannel(), token)));
    } catch (IOException e) {
      log.warn("workflow UI not started on {}:{} ({}); choose another with --ui-port, or 0 for none",
          config.apiHost(), config.uiPort(), e.toString());
      return Optional.empty();
    }
  }

  /** host:port of the gRPC API, once started. */
  public String target() {
    Listening l = listening.orElseThrow(() -> new IllegalStateException("the API role has not started"));
    return l.host() + ":" + l.apiPort();
  }

  /**
   * A channel to the started API inside this process (whatever TLS its socket has), for callers in the same process
   * such as the demo; it carries no token by itself.
   */
  public ManagedChannelBuilder<?> inProcessChannel() {
    return listening.orElseThrow(() -> new IllegalStateException("the API role has not started")).api()
        .inProcessChannel();
  }

  /** The workflow UI's address; empty before the role starts, when the UI is off, or when its port was taken. */
  public Optional<String> uiUrl() {
    return listening.flatMap(l -> l.uiPort().map(port -> "http://" + l.host() + ":" + port));
  }
}
