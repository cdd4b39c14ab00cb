package io.nightshift.runtime.temporal.tls;

import io.nightshift.runtime.config.TemporalSecurity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files of {@code --temporal-tls-*} (and of {@code --api-tls-*} and the CLI's {@code --tls-*}) with
 * the JDK alone and checks what the TLS library would only find out at the first handshake, hours later on a
 * worker: that each file parses, and that the private key belongs to the certificate.
 */
public final class PemFiles {
  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  /** The key types TLS clients present, with a signature each can make (to test that key and certificate match). */
  private static final List<String[]> KEY_TYPES = List.of(new String[] {"RSA", "SHA256withRSA"},
      new String[] {"EC", "SHA256withECDSA"}, new String[] {"Ed25519", "Ed25519"});

  private PemFiles() {}

  /** One or more X.509 certificates, in file order. */
  public static List<X509Certificate> certificates(String flag, Path file) {
    byte[] pem = SecretFile.readBytes(flag, file);
    try {
      List<X509Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem)).stream().map(X509Certificate.class::cast).toList();
      if (certs.isEmpty()) {
        throw new CertificateException("no certificate in it");
      }
      return certs;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(flag + " " + file + ": not PEM certificates (-----BEGIN CERTIFICATE-----): "
          + e.getMessage());
    }
  }

  /** An unencrypted PKCS#8 private key (RSA, EC or Ed25519) from an owner-only file. */
  public static PrivateKey privateKey(String flag, Path file) {
    String pem = new String(SecretFile.read(flag, file), StandardCharsets.US_ASCII);
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(flag + " " + file + ": not an unencrypted PKCS#8 PEM private key"
          + " (-----BEGIN PRIVATE KEY-----); convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out "
          + file.getFileName());
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    for (String[] type : KEY_TYPES) {
      try {
        return KeyFactory.getInstance(type[0]).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisType) {
        // try the next type
      }
    }
    throw new IllegalArgumentException(flag + " " + file + ": a PKCS#8 key of none of the types RSA, EC, Ed25519");
  }

  /**
   * Signs with {@code key} and verifies with the certificate's public key: the one test that works for every key
   * type, where comparing the parts of a key works for RSA alone.
   */
  static void checkKeyMatches(PrivateKey key, Path keyFile, X509Certificate cert, Path certFile) {
    checkKeyMatches(key, TemporalSecurity.KEY_FLAG, keyFile, cert, TemporalSecurity.CERT_FLAG, certFile);
  }

  /** As {@link #checkKeyMatches(PrivateKey, Path, X509Certificate, Path)}, naming the given flags. */
  public static void checkKeyMatches(PrivateKey key, String keyFlag, Path keyFile, X509Certificate cert,
      String certFlag, Path certFile) {
    String algorithm = KEY_TYPES.stream().filter(t -> t[0].equals(key.getAlgorithm())).map(t -> t[1]).findFirst()
        .orElseThrow();
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(challenge);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false; // e.g. an EC key against an RSA certificate
    }
    if (!matches) {
      throw new IllegalArgumentException(keyFlag + " " + keyFile + " is not the private key of the"
          + " certificate in " + certFlag + " " + certFile + " ("
          + cert.getSubjectX500Principal().getName() + ")");
    }
  }
}
