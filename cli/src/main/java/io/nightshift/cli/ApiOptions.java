package io.nightshift.cli;

import io.nightshift.client.ClientTls;
import io.nightshift.client.NightshiftClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --api HOST:PORT} for the client commands, the TLS they reach it with ({@code --tls-*}), and the token they
 * send. The token is read from a file or the
 * environment, never from a flag: a command line is visible to every user of the machine ({@code ps}).
 */
final class ApiOptions {
  static final String TOKEN_VARIABLE = "NIGHTSHIFT_TOKEN";
  static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

  @Option(names = "--api", description = "the runtime's gRPC API (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_API:-127.0.0.1:7070}")
  String api;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "file holding the API token to send (default: $" + TOKEN_VARIABLE + "; else, when --api is on"
          + " this machine, <data-dir>/auth/admin-token)", defaultValue = "${env:NIGHTSHIFT_TOKEN_FILE}")
  Path tokenFile;

  @Option(names = "--data-dir", description = "the local runtime's data directory, whose admin token is sent when"
      + " no other is given (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_DATA_DIR:-${sys:user.home}/.nightshift}")
  Path dataDir;

  @Option(names = ClientTls.CA_FLAG, paramLabel = "PEM", description = "reach the API over TLS, trusting these CA"
      + " certificates (default: plaintext, unless another --tls-* flag is given)",
      defaultValue = "${env:NIGHTSHIFT_TLS_CA}")
  Path tlsCa;

  @Option(names = ClientTls.CERT_FLAG, paramLabel = "PEM",
      description = "client certificate for an API with mutual TLS; with --tls-key", defaultValue = "${env:NIGHTSHIFT_TLS_CERT}")
  Path tlsCert;

  @Option(names = ClientTls.KEY_FLAG, paramLabel = "PEM",
      description = "the client certificate's private key (unencrypted PKCS#8, owner-only)",
      defaultValue = "${env:NIGHTSHIFT_TLS_KEY}")
  Path tlsKey;

  @Option(names = ClientTls.SERVER_NAME_FLAG, paramLabel = "NAME", description = "name the API's certificate must"
      + " carry, also sent as SNI (default: the host of --api)", defaultValue = "${env:NIGHTSHIFT_TLS_SERVER_NAME}")
  String tlsServerName;

  /**
   * The client the commands call the API with. Each call may take a minute (a listing of many pools, a query
   * waiting on a busy worker) before the CLI gives up on it; a watch has no deadline, it follows the task to its end.
   */
  NightshiftClient client() throws IOException {
    NightshiftClient.Builder builder = NightshiftClient.builder().address(api).tls(tls()).deadline(CALL_DEADLINE);
    token(System.getenv()).ifPresent(builder::token);
    return builder.build();
  }

  /** The TLS the flags ask for; plaintext where none is given. */
  ClientTls tls() {
    return new ClientTls(tlsCa, tlsCert, tlsKey, tlsServerName);
  }

  /**
   * The token to send: {@code --token-file}, else {@code $NIGHTSHIFT_TOKEN}, else the admin token the runtime's
   * first start left in its data directory, but only for an API on this machine: the admin token of this
   * machine's runtime is not sent to another one. Empty when there is none (an API with auth off needs none).
   */
  Optional<String> token(Map<String, String> env) throws IOException {
    if (tokenFile != null) {
      return Optional.of(read(tokenFile, "--token-file"));
    }
    String fromEnv = env.get(TOKEN_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.strip());
    }
    // where the runtime's first start writes it (RuntimeConfig.adminTokenFile; ApiOptionsTokenTest holds the two
    // together): spelled out here, since the client commands know the runtime only through the API and its files
    Path admin = dataDir.resolve("auth").resolve("admin-token");
    if (isLoopback(host(api)) && Files.isReadable(admin)) {
      return Optional.of(read(admin, "the admin token"));
    }
    return Optional.empty();
  }

  private static String host(String target) {
    int colon = target.lastIndexOf(':');
    String host = colon < 0 ? target : target.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** A loopback address written out; names are not resolved, so a DNS answer cannot make a host local. */
  private static boolean isLoopback(String host) {
    return host.equalsIgnoreCase("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("::1");
  }

  private static String read(Path file, String what) throws IOException {
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (token.isEmpty()) {
        throw new IOException(what + " " + file + " is empty");
      }
      return token;
    } catch (IOException e) {
      throw new IOException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
    }
  }
}
