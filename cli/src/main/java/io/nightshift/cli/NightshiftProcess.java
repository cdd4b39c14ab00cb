package io.nightshift.cli;

import io.grpc.ManagedChannelBuilder;
import io.nightshift.api.ApiRole;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.TemporalServer;
import io.nightshift.runtime.worker.WorkerRole;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The composition root: a Nightshift process as {@code dev}, {@code demo}, {@code worker}, {@code api} and
 * {@code temporal} run it. It lives in the CLI because only the CLI sees every role's module; the runtime starts
 * whichever of these parts the roles asked for.
 */
final class NightshiftProcess implements AutoCloseable {
  private final NightshiftRuntime runtime;
  private final ApiRole api;
  private final RuntimeConfig config;

  private NightshiftProcess(NightshiftRuntime runtime, ApiRole api, RuntimeConfig config) {
    this.runtime = runtime;
    this.api = api;
    this.config = config;
  }

  static NightshiftProcess start(RuntimeConfig config, Set<Role> roles) throws IOException {
    ApiRole api = new ApiRole();
    return new NightshiftProcess(NightshiftRuntime.start(config, roles, List.of(new WorkerRole(), api)), api,
        config);
  }

  RuntimeConfig config() {
    return config;
  }

  TemporalServer temporal() {
    return runtime.temporal();
  }

  /** host:port of the gRPC API; only where the API role runs. */
  String apiTarget() {
    return api.target();
  }

  /** The codec server's address, for Temporal's --codec-endpoint; empty when it is off. */
  Optional<String> codecUrl() {
    return api.codecUrl();
  }

  /** A channel to this process's own API that needs no TLS of its own; only where the API role runs. */
  ManagedChannelBuilder<?> inProcessApiChannel() {
    return api.inProcessChannel();
  }

  /** The workflow UI's address; empty where this process serves none. */
  Optional<String> uiUrl() {
    return api.uiUrl();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
