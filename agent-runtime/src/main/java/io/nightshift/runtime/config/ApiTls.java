package io.nightshift.runtime.config;

import java.nio.file.Path;

/**
 * TLS on the gRPC API: the server's certificate and key, and for mutual TLS the CA bundle that client certificates
 * must chain to. Only the combination of the flags is checked here; the files are read and checked once when the
 * API starts ({@code io.nightshift.api.tls.ServerTls}), so a missing or malformed file fails the start naming its
 * flag and file. Bearer tokens stay required on top of either mode: a certificate says which machine calls, a token
 * which tenant and role.
 *
 * @param certFile     the server's certificate (PEM, leaf first, then any intermediates); with keyFile
 * @param keyFile      its private key (unencrypted PKCS#8 PEM), owner-only; with certFile
 * @param clientCaFile CA certificates (PEM) a client's certificate must chain to; null for TLS without client
 *                     certificates
 */
public record ApiTls(Path certFile, Path keyFile, Path clientCaFile) {
  public static final String CERT_FLAG = "--api-tls-cert";
  public static final String KEY_FLAG = "--api-tls-key";
  public static final String CLIENT_CA_FLAG = "--api-tls-client-ca";

  /** How the API is served, for the start-up log and errors. */
  public enum Mode {
    PLAINTEXT, TLS, MUTUAL_TLS
  }

  public ApiTls {
    certFile = absolute(certFile);
    keyFile = absolute(keyFile);
    clientCaFile = absolute(clientCaFile);
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(CERT_FLAG + " and " + KEY_FLAG + " go together (the API's certificate and"
          + " its private key), but only " + (certFile == null ? KEY_FLAG : CERT_FLAG) + " was given");
    }
    if (clientCaFile != null && certFile == null) {
      throw new IllegalArgumentException(CLIENT_CA_FLAG + " asks clients for certificates, which needs TLS: give "
          + CERT_FLAG + " and " + KEY_FLAG + " too");
    }
  }

  /** Plaintext: allowed only where the API binds to loopback. */
  public static ApiTls none() {
    return new ApiTls(null, null, null);
  }

  public Mode mode() {
    return certFile == null ? Mode.PLAINTEXT : clientCaFile == null ? Mode.TLS : Mode.MUTUAL_TLS;
  }

  /**
   * Refuses plaintext where the API binds to an address others reach: bearer tokens must never cross a network in
   * clear.
   */
  void checkAgainst(String apiHost) {
    if (mode() == Mode.PLAINTEXT && !ApiAuth.isLoopbackHost(apiHost)) {
      throw new IllegalArgumentException("--api-host '" + apiHost + "' is reachable from other machines, and the API"
          + " would carry bearer tokens there in clear: give it a certificate with " + CERT_FLAG + " FILE and "
          + KEY_FLAG + " FILE (PEM; add " + CLIENT_CA_FLAG + " FILE to require client certificates), or bind"
          + " --api-host 127.0.0.1 and reach it over ssh -L");
    }
  }

  private static Path absolute(Path file) {
    return file == null ? null : file.toAbsolutePath().normalize();
  }
}
