package io.nightshift.api.edge;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.nightshift.api.ApiRole;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.worker.WorkerRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The API as {@code nightshift dev} serves it: a whole runtime (temporal, worker and API roles, so the real
 * {@code ApiServer} with every service it registers) on free loopback ports, with Temporal's in-memory server so
 * that starting it takes seconds and needs no binary, and a plaintext channel to the API.
 */
final class ApiRuntimeOnSocket implements AutoCloseable {
  private final NightshiftRuntime runtime;
  private final ManagedChannel channel;

  private ApiRuntimeOnSocket(NightshiftRuntime runtime, ManagedChannel channel) {
    this.runtime = runtime;
    this.channel = channel;
  }

  static ApiRuntimeOnSocket start(Path dataDir) throws IOException {
    RuntimeConfig config = RuntimeConfig.builder(dataDir).temporalPort(freePort()).temporalUiPort(freePort())
        .apiHost("127.0.0.1").apiPort(freePort()).temporalServer(RuntimeConfig.LocalServerKind.IN_MEMORY).build();
    ApiRole api = new ApiRole();
    NightshiftRuntime runtime = NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.WORKER, Role.API),
        List.of(new WorkerRole(), api));
    return new ApiRuntimeOnSocket(runtime, NettyChannelBuilder.forTarget(api.target()).usePlaintext().build());
  }

  ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    runtime.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
