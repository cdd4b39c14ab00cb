package io.nightshift.dist;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A channel to a runtime's API that sends the admin token its first start wrote to the data directory, as the CLI
 * on that machine does. The file is read at each call, since a test opens the channel before the runtime (or its
 * separate API process) has started and written it; calls before then go without a token (health needs none).
 */
final class AdminTokenChannel {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
      Metadata.ASCII_STRING_MARSHALLER);

  private AdminTokenChannel() {}

  static ManagedChannel to(int apiPort, Path dataDir) {
    return over(NettyChannelBuilder.forAddress("127.0.0.1", apiPort).usePlaintext(), dataDir);
  }

  /** As {@link #to}, over a channel the test set up (e.g. with TLS). */
  static ManagedChannel over(NettyChannelBuilder builder, Path dataDir) {
    Path token = dataDir.resolve("auth").resolve("admin-token");
    return builder.intercept(new ClientInterceptor() {
      @Override
      public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
          CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<RespT> listener, Metadata headers) {
            if (Files.isReadable(token)) {
              headers.put(AUTHORIZATION, "Bearer " + read(token));
            }
            super.start(listener, headers);
          }
        };
      }
    }).build();
  }

  private static String read(Path token) {
    try {
      return Files.readString(token).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
