package io.nightshift.api.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.nightshift.runtime.config.ApiTls;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The API's TLS context, read once at start from {@link ApiTls}: the server's certificate chain and key (checked to
 * belong together) and, for mutual TLS, the CA bundle a client's certificate must chain to, with a certificate
 * required of every client. A missing, unreadable or malformed file fails here, naming its flag and file, before
 * the API listens.
 */
public final class ServerTls {
  private ServerTls() {}

  /** @return empty for {@link ApiTls.Mode#PLAINTEXT} */
  public static Optional<SslContext> load(ApiTls tls) {
    return ServerPem.read(tls).map(pem -> context(tls, pem));
  }

  /** The API's TLS from files already read ({@link ServerPem#read}), which the UI and codec server serve with too. */
  public static SslContext context(ApiTls tls, ServerPem pem) {
    SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forServer(pem.key(),
        pem.chain().toArray(X509Certificate[]::new)));
    if (pem.asksClientCertificates()) {
      builder.trustManager(pem.clientCas().toArray(X509Certificate[]::new)).clientAuth(ClientAuth.REQUIRE);
    }
    try {
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot serve the API over TLS with " + ApiTls.CERT_FLAG + " "
          + tls.certFile() + (tls.clientCaFile() == null ? "" : " and " + ApiTls.CLIENT_CA_FLAG + " "
          + tls.clientCaFile()) + ": " + e.getMessage(), e);
    }
  }

  /** What the start-up log says about how the API is reached. */
  public static String describe(ApiTls tls, String host, int port) {
    return switch (tls.mode()) {
      case PLAINTEXT -> "plaintext on loopback " + host + ":" + port + " (TLS: " + ApiTls.CERT_FLAG + ", "
          + ApiTls.KEY_FLAG + ")";
      case TLS -> "TLS on " + host + ":" + port + " with " + tls.certFile() + "; no client certificates asked ("
          + ApiTls.CLIENT_CA_FLAG + " for mutual TLS)";
      case MUTUAL_TLS -> "mutual TLS on " + host + ":" + port + " with " + tls.certFile()
          + "; client certificates must chain to " + tls.clientCaFile();
    };
  }
}
