package io.nightshift.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/nightshift}: one CLI for running the runtime and for talking to it. */
@Command(name = "nightshift", mixinStandardHelpOptions = true, version = "nightshift 0.1.0",
    description = "Durable runtime for long-running autonomous AI agents.",
    subcommands = {ServeCommand.Dev.class, DemoCommand.class, ServeCommand.Worker.class, ServeCommand.Api.class,
        ServeCommand.Temporal.class, SubmitCommand.class, ListCommand.class, StatusCommand.class, ResultCommand.class,
        ArtifactsCommand.class, ForkCommand.class,
        WatchCommand.class, TaskControlCommand.Cancel.class, TaskControlCommand.Pause.class,
        TaskControlCommand.Resume.class, TaskControlCommand.Approve.class, TaskControlCommand.Reject.class,
        TaskControlCommand.Steer.class, ConversationCommand.class, BackendsCommand.class, ProvisionCommand.class,
        AuditCommand.class, AdminCommand.class, ConfigCommand.class})
public final class NightshiftCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The CLI as {@link #main} runs it: the log format is switched before the command runs. */
  static CommandLine commandLine() {
    return new CommandLine(new NightshiftCli()).setExecutionStrategy(LogOptions::applyThenRun);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
