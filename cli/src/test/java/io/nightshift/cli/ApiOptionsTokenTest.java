package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Which token a client command sends: --token-file, else $NIGHTSHIFT_TOKEN, else the local admin token. */
class ApiOptionsTokenTest {
  @TempDir Path dir;
  private Path dataDir;

  @BeforeEach
  void adminTokenInTheDataDirectory() throws Exception {
    dataDir = dir.resolve("data");
    Path admin = RuntimeConfig.defaults(dataDir).adminTokenFile();
    Files.createDirectories(admin.getParent());
    Files.writeString(admin, "nst_admin\n");
  }

  @Test
  void shouldSendTheLocalAdminTokenToALocalApi() throws Exception {
    assertThat(options("--api", "127.0.0.1:7070").token(Map.of())).contains("nst_admin");
    assertThat(options("--api", "localhost:7070").token(Map.of())).contains("nst_admin");
    assertThat(options("--api", "[::1]:7070").token(Map.of())).contains("nst_admin");
  }

  @Test
  void shouldNeverSendTheLocalAdminTokenToAnotherMachine() throws Exception {
    assertThat(options("--api", "api.example.org:7070").token(Map.of())).isEmpty();
  }

  @Test
  void shouldPreferTheTokenFileThenTheEnvironment() throws Exception {
    Path file = dir.resolve("my-token");
    Files.writeString(file, "  nst_from_file \n");

    assertThat(options("--token-file", file.toString()).token(Map.of(ApiOptions.TOKEN_VARIABLE, "nst_env")))
        .contains("nst_from_file");
    assertThat(options("--api", "api.example.org:7070").token(Map.of(ApiOptions.TOKEN_VARIABLE, "nst_env")))
        .contains("nst_env");
  }

  @Test
  void shouldSayWhichTokenFileItCannotRead() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> options("--token-file", missing.toString()).token(Map.of()))
        .hasMessageContaining("cannot read --token-file " + missing);
  }

  private ApiOptions options(String... args) {
    ListCommand list = new ListCommand();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dataDir.toString();
    new CommandLine(list).parseArgs(all);
    return list.apiOptions;
  }
}
