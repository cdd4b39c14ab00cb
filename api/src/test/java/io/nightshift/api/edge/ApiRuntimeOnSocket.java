package io.nightshift.api.edge;

import io.grpc.ManagedChannel;
import io.nightshift.api.ApiRole;
import io.nightshift.api.TestPorts;
import io.nightshift.client.BearerToken;
import io.nightshift.client.ClientTls;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.config.TenantNamespaces;
import io.nightshift.runtime.worker.WorkerRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The API as {@code nightshift dev} serves it: a whole runtime (temporal, worker and API roles, so the real
 * {@code ApiServer} with every service it registers) on free loopback ports, with Temporal's in-memory server so
 * that starting it takes seconds and needs no binary, and a channel to the API (plaintext, or with the TLS the test
 * gives) that carries the admin token the first start made, as the CLI on the runtime's machine does.
 */
final class ApiRuntimeOnSocket implements AutoCloseable {
  private final NightshiftRuntime runtime;
  private final RuntimeConfig config;
  private final String target;
  private final ApiRole api;
  private final ClientTls tls;
  private final List<ManagedChannel> channels = new CopyOnWriteArrayList<>();
  private final ManagedChannel channel;

  private ApiRuntimeOnSocket(NightshiftRuntime runtime, RuntimeConfig config, ApiRole api, ClientTls tls)
      throws IOException {
    this.runtime = runtime;
    this.config = config;
    this.target = api.target();
    this.api = api;
    this.tls = tls;
    this.channel = config.apiAuth() == ApiAuth.TOKENS
        ? channelWith(Files.readString(config.adminTokenFile()).strip()) : channelWithoutToken();
  }

  static ApiRuntimeOnSocket start(Path dataDir) throws IOException {
    return start(dataDir, ApiAuth.TOKENS);
  }

  static ApiRuntimeOnSocket start(Path dataDir, ApiAuth auth) throws IOException {
    return start(dataDir, builder -> builder.apiAuth(auth), ClientTls.none());
  }

  /**
   * @param settings what the test sets beyond the free loopback ports (TLS, a UI port)
   * @param tls      what this harness's channels reach the API with
   */
  static ApiRuntimeOnSocket start(Path dataDir, UnaryOperator<RuntimeConfig.Builder> settings, ClientTls tls)
      throws IOException {
    RuntimeConfig config = settings.apply(RuntimeConfig.builder(dataDir).temporalPort(TestPorts.free())
        .temporalUiPort(TestPorts.free()).apiHost("127.0.0.1").apiPort(TestPorts.free())
        .temporalServer(RuntimeConfig.LocalServerKind.IN_MEMORY)).build();
    return start(config, tls);
  }

  /**
   * The same on the official Temporal dev server (SQLite, real visibility queries and search attributes), for what
   * the in-memory server cannot show. Its binary comes from the tools cache the end-to-end tests share
   * ({@code nightshift.it.toolsDir}), provisioned there once if missing.
   */
  static ApiRuntimeOnSocket startOnDevServer(Path dataDir) throws IOException {
    return startOnDevServer(dataDir, TenantNamespaces.none());
  }

  /** The same, with tenants mapped to namespaces as {@code --tenant-namespace} maps them. */
  static ApiRuntimeOnSocket startOnDevServer(Path dataDir, TenantNamespaces namespaces) throws IOException {
    return startOnDevServer(dataDir, builder -> builder.tenantNamespaces(namespaces));
  }

  /** The same, with what the test sets beyond the free loopback ports (tenant namespaces, an ops port). */
  static ApiRuntimeOnSocket startOnDevServer(Path dataDir, UnaryOperator<RuntimeConfig.Builder> settings)
      throws IOException {
    Path tools = Path.of(System.getProperty("nightshift.it.toolsDir",
        System.getProperty("user.home") + "/.cache/nightshift/tools"));
    return start(settings.apply(RuntimeConfig.builder(dataDir).temporalPort(TestPorts.free())
        .temporalUiPort(TestPorts.free()).apiHost("127.0.0.1").apiPort(TestPorts.free())
        .temporalServer(RuntimeConfig.LocalServerKind.DEV).toolsDir(tools)).build(), ClientTls.none());
  }

  /** A free loopback port for a listener the test asks for (an ops port), below the ephemeral range. */
  static int freeListenerPort() throws IOException {
    return TestPorts.free();
  }

  private static ApiRuntimeOnSocket start(RuntimeConfig config, ClientTls tls) throws IOException {
    ApiRole api = new ApiRole();
    NightshiftRuntime runtime = NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.WORKER, Role.API),
        List.of(new WorkerRole(), api));
    try {
      return new ApiRuntimeOnSocket(runtime, config, api, tls);
    } catch (IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** A channel that sends the admin token (with authentication off: none). */
  ManagedChannel channel() {
    return channel;
  }

  /** Another channel to the API, sending {@code token} as its bearer token; closed with this harness. */
  ManagedChannel channelWith(String token) {
    return track(tls.channelTo(target).intercept(BearerToken.sending(token)).build());
  }

  /** Another channel to the API that sends no credentials at all; closed with this harness. */
  ManagedChannel channelWithoutToken() {
    return track(tls.channelTo(target).build());
  }

  /** A channel to the API with other TLS settings (or none), sending {@code token}; closed with this harness. */
  ManagedChannel channelWith(ClientTls otherTls, String token) {
    return track(otherTls.channelTo(target).intercept(BearerToken.sending(token)).build());
  }

  /** The API's address, host:port. */
  String target() {
    return target;
  }

  /** The workflow UI's address, where the test asked for one. */
  Optional<String> uiUrl() {
    return api.uiUrl();
  }

  /** The codec server's address, where the test asked for one. */
  Optional<String> codecUrl() {
    return api.codecUrl();
  }

  /** A new one-time login link to the UI beside the API, as {@code nightshift admin ui-link} makes. */
  Optional<String> newUiLoginLink() {
    return api.newUiLoginLink();
  }

  RuntimeConfig config() {
    return config;
  }

  private ManagedChannel track(ManagedChannel c) {
    channels.add(c);
    return c;
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    runtime.close();
  }
}
