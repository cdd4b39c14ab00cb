package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.cli.NightshiftCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The {@code nightshift} client commands against a real runtime: output, JSON and exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedDevRuntime.class)
class CliIT {
  /** This class's own files (results the CLI saves, pipelines it submits); the runtime's data is the shared one's. */
  private final Path dir = ItData.newDir(getClass());
  private RuntimeProcess runtime;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  void start(RuntimeProcess shared) throws Exception {
    runtime = shared;
    Files.createDirectories(dir);
  }

  @Test
  void shouldSubmitWaitAndShowTaskAsJsonAndSaveItsResult() throws Exception {
    Run submit = cli("submit", "--pipeline", "sample", "-p", "resamples=500", "--goal", "cli test", "--wait");
    assertThat(submit.exit()).as(submit.err()).isZero();
    String id = submit.out().lines().findFirst().orElseThrow();
    assertThat(submit.out()).contains("task " + id + ": SUCCEEDED").contains("step report");

    Run status = cli("status", id, "--json");
    assertThat(status.exit()).isZero();
    assertThat(status.out()).startsWith("{").contains("\"id\":\"" + id + "\"")
        .contains("\"state\":\"TASK_STATE_SUCCEEDED\"");

    assertThat(cli("watch", id).exit()).isZero();
    Path saved = dir.resolve("sample-result.out");
    Run result = cli("result", id, "-o", saved.toString());
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo(saved.toAbsolutePath().normalize().toString());
    Matcher size = Pattern.compile("\"result\":\\{[^}]*\"size\":\"?(\\d+)").matcher(status.out());
    assertThat(size.find()).as(status.out()).isTrue();
    assertThat(Files.size(saved)).isEqualTo(Long.parseLong(size.group(1))).isPositive();
    Run list = cli("list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains(id);
  }

  @Test
  void shouldForkATaskFromAStepAndListAndSaveTheForksArtifacts() throws Exception {
    Run submit = cli("submit", "--pipeline", "sample", "-p", "resamples=500", "--goal", "fork source", "--wait");
    assertThat(submit.exit()).as(submit.err()).isZero();
    String source = submit.out().lines().findFirst().orElseThrow();

    Run fork = cli("fork", source, "--from", "qed_interval", "-p", "resamples=600", "--id", "cli-fork", "--label",
        "study=resamples");
    assertThat(fork.exit()).as(fork.err()).isZero();
    assertThat(fork.out().lines().toList()).containsExactly("cli-fork",
        "kept:  load, lipinski, profile_all, profile_passing", "rerun: qed_interval, report");
    assertThat(cli("watch", "cli-fork").exit()).as("the fork succeeds").isZero();
    assertThat(cli("status", "cli-fork", "--json").out()).contains("\"forkedFrom\":\"" + source + "\"")
        .contains("\"study\":\"resamples\"");
    assertThat(cli("status", "cli-fork").out()).contains("forked from " + source + " at step qed_interval");

    Run artifacts = cli("artifacts", "cli-fork");
    assertThat(artifacts.exit()).as(artifacts.err()).isZero();
    assertThat(artifacts.out().lines().toList()).hasSize(7) // six outputs and the result
        .anySatisfy(line -> assertThat(line).startsWith("load ").contains("output"))
        .anySatisfy(line -> assertThat(line).startsWith("- ").contains("result"));
    String resultLine = artifacts.out().lines().filter(l -> l.contains(" result ")).findFirst().orElseThrow();
    String digest = resultLine.substring(resultLine.lastIndexOf(' ') + 1);
    Path saved = dir.resolve("fork-result.md");
    Run get = cli("artifacts", "cli-fork", "--get", digest, "-o", saved.toString());
    assertThat(get.exit()).as(get.err()).isZero();
    assertThat(Files.readString(saved)).isNotEmpty();

    Run badStep = cli("fork", source, "--from", "nope");
    assertThat(badStep.exit()).isEqualTo(1);
    assertThat(badStep.err()).contains("INVALID_ARGUMENT").contains("from_step").contains("qed_interval");
  }

  @Test
  void shouldExitNonZeroWhenTaskFails() throws Exception {
    Path file = dir.resolve("failing.yaml");
    Files.writeString(file, """
        name: failing
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - {name: filter, tool: table.filter, params: {input: "${steps.load.output}", where: "nope > 1"}}
        """);
    Run run = cli("submit", file.toString(), "--wait");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED").contains("no column 'nope'");
  }

  @Test
  void shouldPrintFieldsOfInvalidPipelineAndUnknownTask() throws Exception {
    Path file = dir.resolve("invalid.yaml");
    Files.writeString(file, "name: bad\nsteps:\n  - {name: a, tool: no.such.tool}\n");
    Run invalid = cli("submit", file.toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains("INVALID_ARGUMENT").contains("spec.pipeline_yaml.steps[a].tool");

    Run unknown = cli("cancel", "no-such-task");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("NOT_FOUND");
    Run noResult = cli("result", "no-such-task");
    assertThat(noResult.exit()).isEqualTo(1);
    assertThat(noResult.err()).contains("NOT_FOUND");
  }

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--api";
    full[args.length + 1] = "127.0.0.1:" + runtime.apiPort;
    full[args.length + 2] = "--data-dir"; // whose admin token the CLI sends, as on the runtime's machine
    full[args.length + 3] = runtime.dataDir.toString();
    int exit = new CommandLine(new NightshiftCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(full);
    return new Run(exit, out.toString(), err.toString());
  }
}
