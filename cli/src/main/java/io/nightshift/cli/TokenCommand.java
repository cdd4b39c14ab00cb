package io.nightshift.cli;

import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.ApiToken;
import io.nightshift.runtime.auth.IssuedToken;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nightshift admin token create|revoke|list}: the API's tokens, changed in the data directory's token store
 * where it lies (like {@code audit verify}), so it works whether or not the runtime runs; a running API sees each
 * change at its next call. Whoever can write the data directory is the runtime's admin already.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class, TokenCommand.ListTokens.class},
    description = "Create, revoke and list the API's bearer tokens (each has a tenant and a role: "
        + "viewer, submitter, approver, admin).")
final class TokenCommand implements Runnable {
  static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code --data-dir}, shared by the subcommands. */
  static final class DataDirOption {
    @Option(names = "--data-dir", description = "the runtime's data directory, whose auth/tokens is changed"
        + " (default: ${DEFAULT-VALUE})", defaultValue = "${env:NIGHTSHIFT_DATA_DIR:-${sys:user.home}/.nightshift}")
    Path dataDir;

    TokenStore store() {
      return new TokenStore(RuntimeConfig.defaults(dataDir).tokenStoreFile(), Clock.systemUTC());
    }
  }

  /** A subcommand that reports a store it cannot read or change as an error and exit 1. */
  abstract static class TokenSubcommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption data;

    @Override
    public final Integer call() {
      try {
        return run(data.store(), spec.commandLine().getOut());
      } catch (IOException | IllegalArgumentException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return FAILED;
      }
    }

    abstract int run(TokenStore store, PrintWriter out) throws IOException;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Make a token and print it, once: only a hash of it is kept, so it cannot be shown again.")
  static final class Create extends TokenSubcommand {
    @Option(names = "--tenant", required = true, description = "the tenant its holder acts for")
    String tenant;

    @Option(names = "--role", required = true, description = "viewer, submitter, approver or admin")
    String role;

    @Option(names = "--expires", paramLabel = "DURATION",
        description = "valid for this long: 30d, 12h, 90m or ISO-8601 (P30D); default: until revoked")
    String expires;

    @Override
    int run(TokenStore store, PrintWriter out) throws IOException {
      IssuedToken issued = store.create(tenant, AccessRole.parse(role),
          Optional.ofNullable(expires).map(TokenLifetime::parse));
      out.println(issued.bearer());
      PrintWriter err = spec.commandLine().getErr();
      err.println("token " + issued.token().id() + " for tenant " + tenant + ", role " + issued.token().role().label()
          + issued.token().expiry().map(e -> ", expires " + e.truncatedTo(ChronoUnit.SECONDS)).orElse("")
          + ". Keep it now: it is not stored and cannot be shown again. Clients send it as 'authorization:"
          + " Bearer <token>'; the CLI reads it from --token-file or NIGHTSHIFT_TOKEN.");
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Refuse a token from now on; a running API refuses it at its next call.")
  static final class Revoke extends TokenSubcommand {
    @Parameters(paramLabel = "ID", description = "the token's id, as 'list' shows it (the part after nst_)")
    String id;

    @Override
    int run(TokenStore store, PrintWriter out) throws IOException {
      Optional<ApiToken> revoked = store.revoke(id);
      if (revoked.isEmpty()) {
        spec.commandLine().getErr().println("error: no token " + id + " in " + store.file()
            + "; 'nightshift admin token list' shows the ids");
        return FAILED;
      }
      out.println("revoked " + id + " (tenant " + revoked.get().tenant() + ", role " + revoked.get().role().label()
          + ")");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Every token: id, tenant, role, created, expiry and state. Never the secrets (they are not kept).")
  static final class ListTokens extends TokenSubcommand {
    private static final String ROW = "%-12s  %-16s  %-9s  %-20s  %-20s  %s%n";

    @Override
    int run(TokenStore store, PrintWriter out) throws IOException {
      List<ApiToken> tokens = store.list();
      if (tokens.isEmpty()) {
        out.println("no tokens in " + store.file() + " (the API makes an admin token at its first start)");
        return 0;
      }
      Instant now = Instant.now();
      out.printf(ROW, "ID", "TENANT", "ROLE", "CREATED", "EXPIRES", "STATE");
      for (ApiToken t : tokens) {
        String state = t.revoked() ? "revoked" : t.acceptedAt(now) ? "active" : "expired";
        out.printf(ROW, t.id(), t.tenant(), t.role().label(), t.created().truncatedTo(ChronoUnit.SECONDS),
            t.expiry().map(e -> e.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("never"), state);
      }
      return 0;
    }
  }
}
