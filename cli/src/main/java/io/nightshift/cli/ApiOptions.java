package io.nightshift.cli;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import picocli.CommandLine.Option;

/** {@code --api HOST:PORT} for the client commands. */
final class ApiOptions {
  @Option(names = "--api", description = "the runtime's gRPC API (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_API:-127.0.0.1:7070}")
  String api;

  ManagedChannel channel() {
    return NettyChannelBuilder.forTarget(api).usePlaintext().build();
  }
}
