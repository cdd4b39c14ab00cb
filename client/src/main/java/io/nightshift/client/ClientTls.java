package io.nightshift.client;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * How a client reaches a TLS API ({@code --tls-ca}, {@code --tls-cert}, {@code --tls-key}, {@code --tls-server-name}
 * of the CLI): the CA the server's certificate must chain to, a client certificate for mutual TLS, and the name the
 * server's certificate must carry. With none of them set, the channel is plaintext (an API on loopback). The files
 * are read when the channel is built, and a bad one is reported naming its flag and file.
 *
 * @param caFile     CA certificates (PEM) the API's certificate must chain to; null for the JDK's trust roots
 * @param certFile   the client's certificate (PEM) for mutual TLS; with keyFile
 * @param keyFile    its private key (unencrypted PKCS#8 PEM, owner-only); with certFile
 * @param serverName the name the API's certificate must carry, also sent as SNI; null for the target's host
 */
public record ClientTls(Path caFile, Path certFile, Path keyFile, String serverName) {
  public static final String CA_FLAG = "--tls-ca";
  public static final String CERT_FLAG = "--tls-cert";
  public static final String KEY_FLAG = "--tls-key";
  public static final String SERVER_NAME_FLAG = "--tls-server-name";

  public ClientTls {
    serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(CERT_FLAG + " and " + KEY_FLAG + " go together (the client certificate and"
          + " its private key), but only " + (certFile == null ? KEY_FLAG : CERT_FLAG) + " was given");
    }
  }

  /** Plaintext: for an API on loopback without TLS. */
  public static ClientTls none() {
    return new ClientTls(null, null, null, null);
  }

  /** Whether any TLS flag was given; a CA, a client certificate or a server name each turns TLS on. */
  public boolean enabled() {
    return caFile != null || certFile != null || serverName != null;
  }

  /** A channel builder to {@code target} (HOST:PORT) with this TLS, or plaintext where none is set. */
  public NettyChannelBuilder channelTo(String target) {
    NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target);
    if (!enabled()) {
      return builder.usePlaintext();
    }
    builder.sslContext(sslContext());
    if (serverName != null) {
      builder.overrideAuthority(serverName);
    }
    return builder;
  }

  /**
   * Netty reads the PEM files itself: a client depends on the API's stubs and gRPC alone, not on the runtime. Each
   * file is checked to be readable first, so a wrong path is reported with its flag.
   */
  private SslContext sslContext() {
    SslContextBuilder builder = GrpcSslContexts.forClient();
    try {
      if (caFile != null) {
        builder.trustManager(readable(CA_FLAG, caFile).toFile());
      }
      if (certFile != null) {
        builder.keyManager(readable(CERT_FLAG, certFile).toFile(), readable(KEY_FLAG, keyFile).toFile());
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot reach the API over TLS with " + describe() + ": " + e.getMessage(),
          e);
    }
  }

  private static Path readable(String flag, Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(flag + " " + file + ": " + (Files.exists(file) ? "cannot be read"
          : "no such file"));
    }
    return file;
  }

  private String describe() {
    List<String> parts = new ArrayList<>();
    if (caFile != null) {
      parts.add(CA_FLAG + " " + caFile);
    }
    if (certFile != null) {
      parts.add(CERT_FLAG + " " + certFile + ", " + KEY_FLAG + " " + keyFile);
    }
    return parts.isEmpty() ? "the JDK's trust roots" : String.join(", ", parts);
  }
}
