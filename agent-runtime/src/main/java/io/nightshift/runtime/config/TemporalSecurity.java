package io.nightshift.runtime.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How this process protects and authenticates its link to an external Temporal cluster: TLS with the cluster's
 * trust roots, a client certificate for mutual TLS, and an API key. Only the combination of the flags is checked
 * here, where the rest of the configuration is; the files are read and checked once at start
 * ({@code io.nightshift.runtime.temporal.TemporalCredentials}), so a missing or bad file fails the start naming its
 * flag.
 *
 * <p>The built-in local server (no {@code --temporal-address}) takes none of these: it is a child process that
 * listens in plaintext on loopback, so there is no network link to protect, and a TLS flag that did nothing would
 * let an operator believe a link was encrypted that was not. Setting one without {@code --temporal-address} is
 * refused.
 *
 * @param caFile     trust roots (PEM) the cluster's certificate must chain to; null for the JDK's default roots
 * @param certFile   client certificate (PEM, leaf first, then any intermediates) for mutual TLS; with keyFile
 * @param keyFile    the client certificate's private key (unencrypted PKCS#8 PEM), owner-only; with certFile
 * @param serverName the name the cluster's certificate must carry, also sent as SNI and {@code :authority}; null for
 *                   the host of {@code --temporal-address}
 * @param apiKeyFile a file (owner-only) holding an API key sent as {@code authorization: Bearer <key>}; read from a
 *                   file, never from a flag's value, so the key does not show in {@code ps} or shell history
 */
public record TemporalSecurity(Path caFile, Path certFile, Path keyFile, String serverName, Path apiKeyFile) {
  public static final String CA_FLAG = "--temporal-tls-ca";
  public static final String CERT_FLAG = "--temporal-tls-cert";
  public static final String KEY_FLAG = "--temporal-tls-key";
  public static final String SERVER_NAME_FLAG = "--temporal-tls-server-name";
  public static final String API_KEY_FLAG = "--temporal-api-key-file";

  public TemporalSecurity {
    caFile = absolute(caFile);
    certFile = absolute(certFile);
    keyFile = absolute(keyFile);
    apiKeyFile = absolute(apiKeyFile);
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(CERT_FLAG + " and " + KEY_FLAG + " go together (the client certificate and"
          + " its private key), but only " + (certFile == null ? KEY_FLAG : CERT_FLAG) + " was given");
    }
    if (serverName != null && !serverName.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
      throw new IllegalArgumentException(SERVER_NAME_FLAG + " must be a DNS name such as temporal.example.net, was '"
          + serverName + "'");
    }
  }

  /** Plaintext, no API key: what the local server and a cluster on a trusted network get. */
  public static TemporalSecurity none() {
    return new TemporalSecurity(null, null, null, null, null);
  }

  /** Whether any flag was given. */
  public boolean isSet() {
    return !flagsSet().isEmpty();
  }

  /** The flags given, in the order they are documented. */
  public List<String> flagsSet() {
    List<String> set = new ArrayList<>();
    if (caFile != null) {
      set.add(CA_FLAG);
    }
    if (certFile != null) {
      set.add(CERT_FLAG);
      set.add(KEY_FLAG);
    }
    if (serverName != null) {
      set.add(SERVER_NAME_FLAG);
    }
    if (apiKeyFile != null) {
      set.add(API_KEY_FLAG);
    }
    return set;
  }

  /**
   * Whether the link to {@code temporalAddress} uses TLS: when any TLS flag is given, and when an API key is, unless
   * the address is loopback. A bearer key over plaintext is readable by anyone on the path, so the key implies TLS
   * (with the JDK's default trust roots where no {@code --temporal-tls-ca} is given, as a hosted cluster needs); on
   * loopback the path is this machine, where a local authorizing proxy may listen in plaintext.
   */
  public boolean usesTls(String temporalAddress) {
    boolean tlsFlag = caFile != null || certFile != null || serverName != null;
    return tlsFlag || (apiKeyFile != null && temporalAddress != null && !isLoopback(temporalAddress));
  }

  /** Refuses these flags where no external cluster is named (see the class comment). */
  void checkAgainst(String temporalAddress) {
    if (temporalAddress == null && isSet()) {
      throw new IllegalArgumentException(String.join(", ", flagsSet()) + " secure(s) the link to an external Temporal"
          + " cluster and needs --temporal-address HOST:PORT; the built-in server is a child process listening in"
          + " plaintext on loopback (127.0.0.1), which takes no TLS: drop the flag, or name the cluster");
    }
  }

  /** {@code localhost} or an IPv4 loopback literal; names are not resolved, so a DNS answer cannot make a host so. */
  static boolean isLoopback(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    return host.equalsIgnoreCase("localhost") || host.matches("127(\\.\\d{1,3}){3}");
  }

  private static Path absolute(Path file) {
    return file == null ? null : file.toAbsolutePath().normalize();
  }
}
