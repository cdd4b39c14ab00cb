package io.nightshift.api.tls;

import io.nightshift.runtime.config.ApiTls;
import io.nightshift.runtime.temporal.tls.PemFiles;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The PEM files of {@code --api-tls-*}, read and checked in one place for every listener that serves with them (the
 * gRPC API, {@link ServerTls}; the workflow UI and codec server, {@link WebTls}): a missing, unreadable or malformed
 * file, or a key that is not the certificate's, fails the start naming its flag and file.
 *
 * @param chain     the server's certificate chain, leaf first
 * @param key       the leaf's private key
 * @param clientCas the CAs a client's certificate must chain to; empty where no client certificate is asked
 */
public record ServerPem(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> clientCas) {
  public ServerPem {
    chain = List.copyOf(chain);
    clientCas = List.copyOf(clientCas);
  }

  /** @return empty for {@link ApiTls.Mode#PLAINTEXT} */
  public static Optional<ServerPem> read(ApiTls tls) {
    if (tls.mode() == ApiTls.Mode.PLAINTEXT) {
      return Optional.empty();
    }
    List<X509Certificate> chain = PemFiles.certificates(ApiTls.CERT_FLAG, tls.certFile());
    PrivateKey key = PemFiles.privateKey(ApiTls.KEY_FLAG, tls.keyFile());
    PemFiles.checkKeyMatches(key, ApiTls.KEY_FLAG, tls.keyFile(), chain.get(0), ApiTls.CERT_FLAG, tls.certFile());
    List<X509Certificate> clientCas = tls.mode() == ApiTls.Mode.MUTUAL_TLS
        ? PemFiles.certificates(ApiTls.CLIENT_CA_FLAG, tls.clientCaFile()) : List.of();
    return Optional.of(new ServerPem(chain, key, clientCas));
  }

  boolean asksClientCertificates() {
    return !clientCas.isEmpty();
  }
}
