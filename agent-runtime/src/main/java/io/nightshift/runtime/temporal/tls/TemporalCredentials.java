package io.nightshift.runtime.temporal.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.nightshift.runtime.config.TemporalSecurity;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What the link to one Temporal frontend carries, read and checked once at start from {@link TemporalSecurity}:
 * the TLS context (trust roots, client certificate), the server name, the API key. Every bad file fails here, naming
 * its flag, before anything connects. The key is held in memory only and appears in no description or log.
 */
public final class TemporalCredentials {
  private final TemporalSecurity security;
  private final Optional<SslContext> tls;
  private final Optional<String> apiKey;

  private TemporalCredentials(TemporalSecurity security, Optional<SslContext> tls, Optional<String> apiKey) {
    this.security = security;
    this.tls = tls;
    this.apiKey = apiKey;
  }

  /** Plaintext without a key: the local server's link. */
  public static TemporalCredentials plaintext() {
    return new TemporalCredentials(TemporalSecurity.none(), Optional.empty(), Optional.empty());
  }

  /**
   * @param address the frontend, HOST:PORT; whether an API key implies TLS depends on it being loopback
   * @throws IllegalArgumentException naming the flag of a missing, unreadable, exposed or malformed file
   */
  public static TemporalCredentials load(String address, TemporalSecurity security) {
    Optional<String> apiKey = Optional.ofNullable(security.apiKeyFile()).map(ApiKeyFile::read);
    Optional<SslContext> tls = security.usesTls(address) ? Optional.of(sslContext(security)) : Optional.empty();
    return new TemporalCredentials(security, tls, apiKey);
  }

  private static SslContext sslContext(TemporalSecurity security) {
    SslContextBuilder builder = GrpcSslContexts.forClient();
    if (security.caFile() != null) {
      builder.trustManager(PemFiles.certificates(TemporalSecurity.CA_FLAG, security.caFile())
          .toArray(X509Certificate[]::new));
    }
    if (security.certFile() != null) {
      List<X509Certificate> chain = PemFiles.certificates(TemporalSecurity.CERT_FLAG, security.certFile());
      PrivateKey key = PemFiles.privateKey(TemporalSecurity.KEY_FLAG, security.keyFile());
      PemFiles.checkKeyMatches(key, security.keyFile(), chain.get(0), security.certFile());
      builder.keyManager(key, chain.toArray(X509Certificate[]::new));
    }
    try {
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot build TLS for Temporal from " + String.join(", ",
          security.flagsSet()) + ": " + e.getMessage(), e);
    }
  }

  /** Whether anything beyond plaintext is configured: TLS, an API key or both. */
  public boolean secured() {
    return tls.isPresent() || apiKey.isPresent();
  }

  /** Sets TLS, the server name and the API key on stubs' options; leaves plaintext options as they are. */
  public WorkflowServiceStubsOptions.Builder applyTo(WorkflowServiceStubsOptions.Builder options) {
    tls.ifPresent(options::setSslContext);
    if (security.serverName() != null) {
      // the name the certificate is checked against and the SNI both follow the authority
      options.setChannelInitializer(channel -> channel.overrideAuthority(security.serverName()));
    }
    apiKey.ifPresent(key -> options.addApiKey(() -> key));
    if (apiKey.isPresent() && tls.isEmpty()) {
      // the SDK turns TLS on with an API key; a key over plaintext is only configured toward loopback
      options.setEnableHttps(false);
    }
    return options;
  }

  /** How the link is protected, with the flags and files behind it, for logs and errors; never the key itself. */
  public String describe() {
    if (!secured()) {
      return "plaintext";
    }
    List<String> parts = new ArrayList<>();
    if (tls.isPresent()) {
      parts.add("TLS, trust roots " + fileOr(TemporalSecurity.CA_FLAG, security.caFile(), "the JDK's defaults"));
      parts.add("client certificate " + fileOr(TemporalSecurity.CERT_FLAG, security.certFile(), "none"));
      if (security.serverName() != null) {
        parts.add("server name " + TemporalSecurity.SERVER_NAME_FLAG + " " + security.serverName());
      }
    } else {
      parts.add("plaintext to loopback");
    }
    apiKey.ifPresent(key -> parts.add("API key " + TemporalSecurity.API_KEY_FLAG + " " + security.apiKeyFile()));
    return String.join("; ", parts);
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String fileOr(String flag, Path file, String otherwise) {
    return file == null ? otherwise : flag + " " + file;
  }
}
