package io.nightshift.cli;

import io.nightshift.api.ApiRole;
import io.nightshift.api.ui.session.LoginCodes;
import io.nightshift.api.ui.session.LoginLinkDirectory;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nightshift admin ui-link}: a new one-time login link to the running workflow UI, without a restart, for
 * when the one printed at start was used or has expired. Made in the data directory, like the tokens: whoever may
 * write there is the runtime's admin already.
 */
@Command(name = "ui-link", mixinStandardHelpOptions = true,
    description = "Print a new one-time login link to the running workflow UI (good once, for 10 minutes).")
final class UiLinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Option(names = "--data-dir", description = "the running runtime's data directory (default: ${DEFAULT-VALUE})",
      defaultValue = "${env:NIGHTSHIFT_DATA_DIR:-${sys:user.home}/.nightshift}")
  Path dataDir;

  @Override
  public Integer call() {
    LoginLinkDirectory links = new LoginLinkDirectory(ApiRole.uiLinkDirectory(RuntimeConfig.defaults(dataDir)),
        Clock.systemUTC());
    try {
      spec.commandLine().getOut().println(links.newLink());
      spec.commandLine().getErr().println("good for one login within " + LoginCodes.LIFETIME.toMinutes()
          + " minutes; it logs in as the runtime's admin");
      return 0;
    } catch (IOException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return TokenCommand.FAILED;
    }
  }
}
