package io.nightshift.api;

import io.nightshift.api.codec.CodecServer;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.RoleContext;
import io.nightshift.runtime.RolePart;
import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.CodecServing;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.temporal.codec.AesGcmPayloadCodec;
import java.io.IOException;
import java.net.BindException;
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

  /** Where the started API, UI and codec server listen. */
  private record Listening(String host, int apiPort, Optional<Integer> uiPort, Optional<Integer> codecPort) {}

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
    String target = config.apiHost() + ":" + api.port();
    Optional<WorkflowUiServer> ui = config.uiPort() > 0 ? startUi(config, target, api.inProcessToken(), closer)
        : Optional.empty();
    Optional<CodecServer> codec = config.codecServing().on()
        ? Optional.of(closer.push(startCodec(context, api))) : Optional.empty();
    listening = Optional.of(new Listening(config.apiHost(), api.port(), ui.map(WorkflowUiServer::port),
        codec.map(CodecServer::port)));
    ui.ifPresent(u -> log.info("workflow UI on {}", uiUrl().orElseThrow()));
    codec.ifPresent(c -> log.info("codec server for Temporal's Web UI and CLI on {} (admin tokens only; CORS for {})",
        codecUrl().orElseThrow(), config.codecServing().corsOrigins()));
  }

  /**
   * The codec server shares the API's token check and the process's audit log. Unlike the UI, a port already taken
   * fails the start: an operator asked for it by flag, to read histories, and a start that silently left it out
   * would look like a codec that cannot decrypt.
   */
  private static CodecServer startCodec(RoleContext context, ApiServer api) throws IOException {
    RuntimeConfig config = context.config();
    try {
      return CodecServer.start(config.apiHost(), config.codecServing(), config.namespace(),
          new AesGcmPayloadCodec(context.payloadKeys()), api.tokens().orElseThrow(() -> new IllegalStateException(
              "the codec server needs API tokens; the configuration refuses it with " + ApiAuth.OFF_FLAG)),
          context.audit());
    } catch (BindException e) {
      throw new IOException(CodecServing.PORT_FLAG + " " + config.codecServing().port() + ": cannot listen on "
          + config.apiHost() + " (" + e.getMessage() + "); choose a free port, or leave the flag out", e);
    }
  }

  /**
   * The workflow UI is a view for people beside the API, not part of the runtime's work: a port already taken
   * (another runtime's UI) is a warning with the way out, never a reason to stop the tasks.
   */
  private static Optional<WorkflowUiServer> startUi(RuntimeConfig config, String apiTarget, Optional<String> token,
      Closer closer) {
    if (token.isPresent() && !ApiAuth.isLoopbackHost(config.apiHost())) {
      // it has no login of its own yet and calls the API as an admin: off loopback, that would hand anyone who
      // reaches the port what the API's tokens guard
      log.warn("workflow UI not started: it has no login yet and the API binds {}, not loopback; reach it through"
          + " a runtime bound to 127.0.0.1 (e.g. over ssh -L)", config.apiHost());
      return Optional.empty();
    }
    try {
      return Optional.of(closer.push(WorkflowUiServer.start(config.apiHost(), config.uiPort(), apiTarget, token)));
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

  /** The codec server's address (for --codec-endpoint); empty before the role starts or when it is off. */
  public Optional<String> codecUrl() {
    return listening.flatMap(l -> l.codecPort().map(port -> "http://" + l.host() + ":" + port));
  }

  /** The workflow UI's address; empty before the role starts, when the UI is off, or when its port was taken. */
  public Optional<String> uiUrl() {
    return listening.flatMap(l -> l.uiPort().map(port -> "http://" + l.host() + ":" + port));
  }
}
