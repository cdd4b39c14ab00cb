package io.nightshift.runtime.temporal.tls;

import io.nightshift.core.files.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throwaway PKI for the TLS tests, made fresh in a temporary directory with the JDK's own {@code keytool} (no
 * certificate library is on the class path, and the JDK is wherever tests run): two CAs, a server certificate from
 * the first for {@code localhost} and {@value #SERVER_NAME} (not for {@code 127.0.0.1}, so connecting by IP tests
 * the server-name override), a client certificate from it, and a client certificate from the second CA (a client
 * a server trusting the first must refuse). Keys are EC P-256, quick to make; certificates last two days, so nothing
 * here can expire in a committed fixture. Public for the API's TLS tests in other modules (this module's test-jar).
 */
public final class TestPki {
  public static final String SERVER_NAME = "temporal.test.internal";
  private static final String PASSWORD = "test-only";

  public final Path caPem;
  public final Path otherCaPem;
  public final Path serverCertPem;
  public final Path serverKeyPem;
  public final Path clientCertPem;
  public final Path clientKeyPem;
  public final Path otherClientCertPem;
  public final Path otherClientKeyPem;

  private TestPki(Path dir) {
    caPem = dir.resolve("ca.pem");
    otherCaPem = dir.resolve("other-ca.pem");
    serverCertPem = dir.resolve("server.pem");
    serverKeyPem = dir.resolve("server-key.pem");
    clientCertPem = dir.resolve("client.pem");
    clientKeyPem = dir.resolve("client-key.pem");
    otherClientCertPem = dir.resolve("other-client.pem");
    otherClientKeyPem = dir.resolve("other-client-key.pem");
  }

  public static TestPki create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
    TestPki pki = new TestPki(dir);
    Path ca = pki.authority(dir, "ca", pki.caPem);
    Path otherCa = pki.authority(dir, "other-ca", pki.otherCaPem);
    pki.leaf(dir, ca, "server", "san=dns:localhost,dns:" + SERVER_NAME, "serverAuth", pki.serverCertPem,
        pki.serverKeyPem);
    pki.leaf(dir, ca, "client", "san=dns:nightshift-worker", "clientAuth", pki.clientCertPem, pki.clientKeyPem);
    pki.leaf(dir, otherCa, "other-client", "san=dns:nightshift-worker", "clientAuth", pki.otherClientCertPem,
        pki.otherClientKeyPem);
    return pki;
  }

  private Path authority(Path dir, String name, Path pem) throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", "2", "-keystore", store.toString());
    keytool("-exportcert", "-rfc", "-alias", name, "-file", pem.toString(), "-keystore", store.toString());
    return store;
  }

  private void leaf(Path dir, Path caStore, String name, String san, String usage, Path certPem, Path keyPem)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path store = dir.resolve(name + ".p12");
    Path csr = dir.resolve(name + ".csr");
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-keystore", store.toString());
    keytool("-certreq", "-alias", name, "-file", csr.toString(), "-keystore", store.toString());
    keytool("-gencert", "-rfc", "-alias", caStore.getFileName().toString().replace(".p12", ""), "-infile",
        csr.toString(), "-outfile", certPem.toString(), "-ext", san, "-ext", "eku=" + usage, "-validity", "2",
        "-keystore", caStore.toString());
    writeKey(store, name, keyPem);
  }

  /** keytool keeps private keys in its store; TLS flags take them as PKCS#8 PEM, owner-only. */
  private static void writeKey(Path store, String alias, Path keyPem) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    Key key = ks.getKey(alias, PASSWORD.toCharArray());
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(keyPem, pem);
    Files.setPosixFilePermissions(keyPem, OwnerOnly.FILE);
  }

  /** Writes {@code content} to an owner-only file, as an operator keeps an API key. */
  public static Path secretFile(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), args[0], "-noprompt", "-storetype", "PKCS12", "-storepass", PASSWORD));
    command.addAll(List.of(args).subList(1, args.length));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
