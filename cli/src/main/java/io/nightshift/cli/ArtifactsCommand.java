package io.nightshift.cli;

import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.client.NightshiftClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nightshift artifacts ID}: every artifact of a task (ListArtifacts), one a line; with {@code --get DIGEST
 * -o FILE}, saves one of them.
 */
@Command(name = "artifacts", mixinStandardHelpOptions = true,
    description = "List a task's artifacts (step outputs, result, agent transcripts), or save one with --get.")
final class ArtifactsCommand extends ClientCommand {
  @Parameters(paramLabel = "ID")
  String taskId;

  @Option(names = "--get", paramLabel = "DIGEST", description = "save this artifact (sha256:...) instead of listing")
  String digest;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "with --get: write it here (default: <digest hex, 12 characters>.<html|md|csv|out>)")
  Path output;

  @Override
  int run(NightshiftClient client, PrintWriter out) throws Exception {
    List<TaskArtifact> all = client.artifacts(taskId);
    if (digest == null) {
      for (TaskArtifact a : all) {
        out.printf("%-20s %-20s %-12s %10d  %s%n", a.getStep().isEmpty() ? "-" : a.getStep(), a.getKind(),
            a.getRef().getMediaType(), a.getRef().getSize(), a.getRef().getDigest());
      }
      out.flush();
      return 0;
    }
    Optional<TaskArtifact> wanted = all.stream().filter(a -> a.getRef().getDigest().equals(digest)).findFirst();
    if (wanted.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: task " + taskId + " has no artifact " + digest + "; 'nightshift artifacts " + taskId
          + "' lists those it has");
      err.flush();
      return EXIT_FAILED;
    }
    Path file = output != null ? output : Path.of(digest.substring(digest.indexOf(':') + 1,
        Math.min(digest.length(), digest.indexOf(':') + 13)) + TaskResultFile.extension(
        wanted.get().getRef().getMediaType()));
    try (var stream = Files.newOutputStream(file)) {
      TaskResultFile.copy(client, taskId, wanted.get().getRef(), stream);
    }
    out.println(file.toAbsolutePath().normalize());
    return 0;
  }
}
