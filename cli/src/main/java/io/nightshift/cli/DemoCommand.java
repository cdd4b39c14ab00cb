package io.nightshift.cli;

import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.client.NightshiftClient;
import io.nightshift.core.files.OwnerOnly;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.ApiAuth;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job: starts the whole runtime, submits the demo pipeline through the real gRPC API, follows it to the
 * end, fetches the result through the API and saves it under {@code <data-dir>/reports}, then stops. The default
 * is the drug-discovery campaign at demo size (three rounds, docking on every core; its HTML report is the result);
 * {@code --pipeline sample} runs the small walking-skeleton pipeline instead. It ends with where the wall time went
 * ({@link DemoTiming}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the demo pipeline (default: the drug-discovery campaign, demo size) end to end on a local"
        + " runtime and print where its report is.")
final class DemoCommand implements Callable<Integer> {
  @Mixin ServerOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--pipeline", description = "pipeline to run (default: ${DEFAULT-VALUE})", defaultValue = "drug-discovery-demo")
  String pipeline;

  @Option(names = {"-p", "--param"}, description = "task parameter NAME=VALUE (repeatable)")
  Map<String, String> params = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DemoTiming timing = DemoTiming.sinceJvmStart();
    try (NightshiftProcess runtime = NightshiftProcess.start(options.toConfig(), EnumSet.allOf(Role.class))) {
      timing.ready(Instant.now());
      if (runtime.temporal().webUi() != null) {
        out.println("Temporal Web UI: " + runtime.temporal().webUi());
      }
      try (NightshiftClient client = client(runtime)) {
        String id = client.submit(TaskSpec.newBuilder().setPipelineName(pipeline).putAllParams(params)
            .setGoal("Demo: run the '" + pipeline + "' pipeline end to end").build()).id();
        timing.submitted(Instant.now());
        out.println("submitted " + pipeline + " as task " + id);
        runtime.uiUrl().ifPresent(url -> out.println("Watch it in the workflow UI: " + url + "/#/tasks/" + id));
        out.flush();
        Task task = TaskFollower.follow(client, id, out);
        timing.finished(Instant.now());
        if (task.hasResult()) {
          Path report = saveUnder(client, task, options.toConfig().dataDir().resolve("reports")).toAbsolutePath();
          out.println();
          out.println("Result of " + id + " saved to " + report);
          if (task.getResult().getMediaType().startsWith("text/markdown")) {
            out.println();
            out.println(Files.readString(report));
          } else if (task.getResult().getMediaType().startsWith("text/html")) {
            out.println("Open the report in a browser: " + report.toUri());
          }
        }
        if (runtime.temporal().webUi() != null) {
          // the UI goes away when the demo's runtime stops; `nightshift dev` on the same data dir shows it again
          out.println("Temporal Web UI for this task (its event history): " + runtime.temporal().webUi() + "/namespaces/"
              + options.toConfig().namespace() + "/workflows/" + id);
        }
        out.println(timing.line(Instant.now()));
        out.flush();
        return TaskFollower.exitCode(task);
      }
    }
  }

  /**
   * A client of the demo's own API, with the admin token its data directory holds, as the CLI would send; in
   * process, so it works whatever TLS the API's socket has.
   */
  private static NightshiftClient client(NightshiftProcess runtime) throws IOException {
    NightshiftClient.Builder builder = NightshiftClient.builder().channel(runtime.inProcessApiChannel())
        .deadline(ApiOptions.CALL_DEADLINE);
    Path admin = runtime.config().adminTokenFile();
    if (runtime.config().apiAuth() == ApiAuth.TOKENS) {
      if (!Files.isReadable(admin)) {
        throw new IOException("the demo calls its API with the admin token in " + admin + ", and there is none"
            + " (its data directory's tokens were made another way): run it with a fresh --data-dir");
      }
      builder.tokenFile(admin);
    }
    return builder.build();
  }

  private static Path saveUnder(NightshiftClient client, Task task, Path dir) throws IOException {
    OwnerOnly.createDirectories(dir); // results are task data: this user's alone, like the data directory
    Path file = dir.resolve(TaskResultFile.fileName(task));
    try (OutputStream out = Files.newOutputStream(file)) {
      TaskResultFile.copy(client, task, out);
    }
    return file;
  }
}
