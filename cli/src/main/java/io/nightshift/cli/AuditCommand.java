package io.nightshift.cli;

import io.nightshift.runtime.audit.AuditLogVerifier;
import io.nightshift.runtime.audit.AuditVerification;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nightshift audit}: the API's audit log, read where it lies (the data directory), not through the API, so
 * it can be checked while the runtime is down, and on a copy taken elsewhere.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, subcommands = AuditCommand.Verify.class,
    description = "The API's append-only, hash-chained log of every state-changing call.")
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Exit 0 when the whole log verifies, 1 at the first line that does not, 2 when there is no log to check. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every record's hash and the chain between them; prints the record count and last hash,"
          + " or the first line that does not verify. Exit 0: intact; 1: changed or damaged; 2: nothing to check.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:the whole log verifies", "1:a line does not verify (changed, removed, moved or cut)",
          "2:no log there, or it cannot be read"})
  static final class Verify implements Callable<Integer> {
    static final int DAMAGED = 1;
    static final int NOTHING_TO_CHECK = 2;

    @Spec CommandSpec spec;

    @Option(names = "--data-dir", description = "the runtime's data directory, whose audit/audit.log is checked"
        + " (default: ${DEFAULT-VALUE})", defaultValue = "${env:NIGHTSHIFT_DATA_DIR:-${sys:user.home}/.nightshift}")
    Path dataDir;

    @Option(names = "--file", paramLabel = "FILE", description = "an audit log file to check instead (a copy, a"
        + " backup)")
    Path file;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (file != null && spec.commandLine().getParseResult().hasMatchedOption("--data-dir")) {
        err.println("error: give --data-dir or --file, not both");
        return NOTHING_TO_CHECK;
      }
      Path log = file != null ? file : RuntimeConfig.defaults(dataDir).auditLogFile();
      if (!Files.isRegularFile(log)) {
        err.println("error: no audit log at " + log + (file != null ? ""
            : " (the API has not run with this data directory; another one with --data-dir, or --file)"));
        return NOTHING_TO_CHECK;
      }
      try {
        AuditVerification result = AuditLogVerifier.verify(log);
        if (result.problem().isPresent()) {
          err.println("audit log " + log + " does NOT verify: " + result.problem().get() + " (the "
              + result.records() + " records before it verify)");
          return DAMAGED;
        }
        spec.commandLine().getOut().println("audit log OK: " + result.records() + " records, last "
            + result.lastHash());
        return 0;
      } catch (IOException e) {
        err.println("error: cannot read audit log " + log + ": " + e);
        return NOTHING_TO_CHECK;
      }
    }
  }
}
