package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.ApiToken;
import io.nightshift.runtime.auth.BearerTokens;
import io.nightshift.runtime.auth.TokenCheck;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {
  @TempDir Path dataDir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @Test
  void shouldPrintANewTokenOnceAndKeepOnlyItsHash() throws Exception {
    int exit = run("admin", "token", "create", "--tenant", "lab", "--role", "submitter", "--expires", "30d",
        "--data-dir", dataDir.toString());

    assertThat(exit).isZero();
    String token = out.toString().strip();
    BearerTokens.Presented presented = BearerTokens.parse(token).orElseThrow();
    assertThat(err.toString()).contains("token " + presented.id() + " for tenant lab, role submitter, expires")
        .contains("cannot be shown again").doesNotContain(presented.secret());
    assertThat(Files.readString(store().file())).doesNotContain(presented.secret());
    ApiToken stored = store().list().get(0);
    assertThat(stored.role()).isEqualTo(AccessRole.SUBMITTER);
    assertThat(Duration.between(stored.created(), stored.expiry().orElseThrow())).isEqualTo(Duration.ofDays(30));
    assertThat(new TokenCheck(store(), Clock.systemUTC()).check(token)).isPresent();
  }

  @Test
  void shouldListTokensWithTheirStateButNoSecrets() throws Exception {
    run("admin", "token", "create", "--tenant", "lab", "--role", "viewer", "--data-dir", dataDir.toString());
    String viewer = out.toString().strip();
    String viewerId = BearerTokens.parse(viewer).orElseThrow().id();
    run("admin", "token", "create", "--tenant", "ops", "--role", "admin", "--data-dir", dataDir.toString());
    String admin = out.toString().strip();
    run("admin", "token", "revoke", viewerId, "--data-dir", dataDir.toString());
    assertThat(out.toString()).contains("revoked " + viewerId + " (tenant lab, role viewer)");

    int exit = run("admin", "token", "list", "--data-dir", dataDir.toString());

    assertThat(exit).isZero();
    String listing = out.toString();
    assertThat(listing).contains("ID", "TENANT", "ROLE", "CREATED", "EXPIRES", "STATE");
    assertThat(listing.lines().filter(l -> l.startsWith(viewerId)).findFirst().orElseThrow())
        .contains("lab", "viewer", "never", "revoked");
    assertThat(listing).contains(BearerTokens.parse(admin).orElseThrow().id()).contains("active")
        .doesNotContain(BearerTokens.parse(admin).orElseThrow().secret())
        .doesNotContain(BearerTokens.parse(viewer).orElseThrow().secret());
    assertThat(new TokenCheck(store(), Clock.systemUTC()).check(viewer)).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownRoleAnUnknownIdAndABadExpiry() {
    assertThat(run("admin", "token", "create", "--tenant", "lab", "--role", "root", "--data-dir",
        dataDir.toString())).isEqualTo(TokenCommand.FAILED);
    assertThat(err.toString()).contains("unknown role 'root'; one of viewer, submitter, approver, admin");

    assertThat(run("admin", "token", "create", "--tenant", "lab", "--role", "viewer", "--expires", "soon",
        "--data-dir", dataDir.toString())).isEqualTo(TokenCommand.FAILED);
    assertThat(err.toString()).contains("--expires must be like 30d");

    assertThat(run("admin", "token", "revoke", "0123456789ab", "--data-dir", dataDir.toString()))
        .isEqualTo(TokenCommand.FAILED);
    assertThat(err.toString()).contains("no token 0123456789ab");
  }

  private TokenStore store() {
    return new TokenStore(RuntimeConfig.defaults(dataDir).tokenStoreFile(), Clock.systemUTC());
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return new CommandLine(new NightshiftCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
