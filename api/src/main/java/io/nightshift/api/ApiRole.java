package io.nightshift.api;

import io.grpc.ManagedChannelBuilder;
import io.nightshift.api.codec.CodecServer;
import io.nightshift.api.tls.ServerPem;
import io.nightshift.api.tls.WebTls;
import io.nightshift.api.ui.TemporalWebUiLink;
import io.nightshift.api.ui.WebListener;
import io.nightshift.api.ui.WorkflowUiServer;
import io.nightshift.api.ui.session.LoginCodes;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.RoleContext;
import io.nightshift.runtime.RolePart;
import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.CodecServing;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.ops.OpsEndpoints;
import io.nightshift.runtime.temporal.codec.AesGcmPayloadCodec;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
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
  private Optional<WorkflowUiServer> ui = Optional.empty();

  /**
   * Where the started API, UI and codec server listen, how the UI and codec server are served, and the API itself
   * for in-process callers.
   */
  private record Listening(String host, int apiPort, Optional<Integer> uiPort, Optional<Integer> codecPort,
      WebListener web, ApiServer api) {}

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
    // the --api-tls-* files, read once for the API and the web listeners beside it
    Optional<ServerPem> pem = ServerPem.read(config.apiTls());
    ApiServer api = closer.push(ApiServer.start(context, pem));
    log.info("gRPC API on {}:{}", config.apiHost(), api.port());
    // the UI and codec server carry tokens and cookies too: HTTPS with the API's certificate where it has TLS
    WebListener web = config.uiPort() > 0 || config.codecServing().on() ? WebTls.load(config.apiTls(), pem)
        : WebListener.plaintext();
    Optional<WorkflowUiServer> ui = config.uiPort() > 0 ? startUi(config, api, web, closer) : Optional.empty();
    Optional<CodecServer> codec = config.codecServing().on()
        ? Optional.of(closer.push(startCodec(context, api, web))) : Optional.empty();
    listening = Optional.of(new Listening(config.apiHost(), api.port(), ui.map(WorkflowUiServer::port),
        codec.map(CodecServer::port), web, api));
    this.ui = ui;
    ui.ifPresent(u -> u.servePublic(OpsEndpoints.PATHS, context.ops().endpoints()::serve));
    ui.ifPresent(u -> acceptLinks(u, config, closer));
    ui.ifPresent(u -> linkTemporalWebUi(u, context));
    ui.ifPresent(u -> u.newLoginLink().ifPresentOrElse(ApiRole::printLoginLink,
        () -> log.info("workflow UI on {} (no login: API authentication is off)", uiUrl().orElseThrow())));
    codec.ifPresent(c -> log.info("codec server for Temporal's Web UI and CLI on {} (admin tokens only; CORS for {})",
        codecUrl().orElseThrow(), config.codecServing().corsOrigins()));
  }

  /**
   * The UI's one-time login link, as Jupyter prints its own: in the log and on stderr, where whoever started the
   * runtime sees it. It is good once, for {@link LoginCodes#LIFETIME}; after that, the login page takes an API
   * token, and {@code nightshift admin ui-link} makes another.
   */
  private static void printLoginLink(String link) {
    long minutes = LoginCodes.LIFETIME.toMinutes();
    log.info("workflow UI: log in (once, within {} minutes) at {}", minutes, link);
    System.err.println("\n  Workflow UI login link (one use, expires in " + minutes + " minutes; then"
        + " 'nightshift admin ui-link' makes another, or log in with an API token):\n    " + link + "\n");
    System.err.flush();
  }

  /** Where {@code nightshift admin ui-link} leaves new login links for the running UI: beside the token store. */
  public static Path uiLinkDirectory(RuntimeConfig config) {
    return config.tokenStoreFile().resolveSibling("ui-links");
  }

  /** Lets {@code nightshift admin ui-link} make links for this UI while it runs; without that, only the printed one. */
  private static void acceptLinks(WorkflowUiServer ui, RuntimeConfig config, Closer closer) {
    LoginLinkDirectory links = new LoginLinkDirectory(uiLinkDirectory(config), Clock.systemUTC());
    try {
      ui.acceptLinksFrom(links);
      closer.push((AutoCloseable) links::withdraw);
    } catch (IOException e) {
      log.warn("'nightshift admin ui-link' cannot make login links for this UI ({}); log in with an API token",
          e.toString());
    }
  }

  /**
   * Where this runtime runs (or reuses) the local Temporal dev server, it knows that server's Web UI, and the task
   * view links each task to its workflow there; against a cluster the address is not known, and there is no link.
   */
  private static void linkTemporalWebUi(WorkflowUiServer ui, RoleContext context) {
    String webUi = context.temporal().server().webUi();
    if (webUi != null) {
      RuntimeConfig config = context.config();
      ui.linkTemporalWebUi(new TemporalWebUiLink(webUi,
          tenant -> config.tenantNamespaces().of(tenant).orElse(config.namespace())));
    }
  }

  /**
   * The codec server shares the API's token check and the process's audit log. Unlike the UI, a port already taken
   * fails the start: an operator asked for it by flag, to read histories, and a start that silently left it out
   * would look like a codec that cannot decrypt.
   */
  private static CodecServer startCodec(RoleContext context, ApiServer api, WebListener web) throws IOException {
    RuntimeConfig config = context.config();
    try {
      return CodecServer.start(config.apiHost(), config.codecServing(), config.namespace(),
          new AesGcmPayloadCodec(context.payloadKeys()), api.tokens().orElseThrow(() -> new IllegalStateException(
              "the codec server needs API tokens; the configuration refuses it with " + ApiAuth.OFF_FLAG)),
          context.audit(), web);
    } catch (BindException e) {
      throw new IOException(CodecServing.PORT_FLAG + " " + config.codecServing().port() + ": cannot listen on "
          + config.apiHost() + " (" + e.getMessage() + "); choose a free port, or leave the flag out", e);
    }
  }

  /**
   * The workflow UI is a view for people beside the API, not part of the runtime's work: a port already taken
   * (another runtime's UI) is a warning with the way out, never a reason to stop the tasks. It may listen off
   * loopback because the configuration lets the API do so only with TLS, which the UI then shares.
   */
  private static Optional<WorkflowUiServer> startUi(RuntimeConfig config, ApiServer api, WebListener web,
      Closer closer) {
    try {
      // in-process: the UI needs no client certificate for an API with mutual TLS, and its calls never leave
      return Optional.of(closer.push(WorkflowUiServer.start(config.apiHost(), config.uiPort(),
          api.inProcessChannel(), api.inProcessToken(), web)));
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

  /** A new one-time login link to the workflow UI; empty where it has no login or is not served. */
  public Optional<String> newUiLoginLink() {
    return ui.flatMap(WorkflowUiServer::newLoginLink);
  }

  /** The codec server's address (for --codec-endpoint); empty before the role starts or when it is off. */
  public Optional<String> codecUrl() {
    return listening.flatMap(l -> l.codecPort().map(port -> l.web().urlFor(l.host(), port)));
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
    return listening.flatMap(l -> l.uiPort().map(port -> l.web().urlFor(l.host(), port)));
  }
}
