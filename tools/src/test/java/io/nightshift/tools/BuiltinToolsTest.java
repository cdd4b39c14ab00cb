package io.nightshift.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.tools.registry.ToolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinToolsTest {
  @TempDir Path dir;
  private FileArtifactStore store;
  private final List<String> heartbeats = new ArrayList<>();
  private final ToolRegistry registry = ToolRegistry.fromClassPath();

  @BeforeEach
  void setUp() throws IOException {
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
  }

  @Test
  void shouldFindEveryBuiltinToolThroughServiceLoader() {
    assertThat(registry.all()).extracting(d -> d.name()).contains("data.read_csv", "table.filter",
        "table.describe", "stats.bootstrap", "report.markdown");
  }

  @Test
  void shouldFilterRowsByNumericAndTextConditions() throws IOException {
    String table = csv("name,mw\naspirin,180.2\nimatinib,493.6\n\"odd, name\",600\n");
    ToolOutput out = run("table.filter", Map.of("input", table, "where", "mw <= 500 and name != 'aspirin'"));
    Table result = read(out.artifact());
    assertThat(result.rows()).containsExactly(List.of("imatinib", "493.6"));
    assertThat(out.summary()).isEqualTo("1 of 3 rows meet mw <= 500 and name != 'aspirin'");
  }

  @Test
  void shouldRejectUnreadableConditionNamingIt() throws IOException {
    String table = csv("name,mw\naspirin,180.2\n");
    assertThatThrownBy(() -> run("table.filter", Map.of("input", table, "where", "mw is small")))
        .isInstanceOf(ToolException.class).hasMessageContaining("cannot read condition 'mw is small'")
        .satisfies(e -> assertThat(((ToolException) e).retryable()).isFalse());
    assertThatThrownBy(() -> run("table.filter", Map.of("input", table, "where", "logp < 5")))
        .hasMessageContaining("no column 'logp'");
  }

  @Test
  void shouldDescribeNumericColumns() throws IOException {
    ToolOutput out = run("table.describe", Map.of("input", csv("name,x\na,1\nb,2\nc,6\n")));
    assertThat(read(out.artifact()).rows())
        .containsExactly(List.of("x", "3", "3.000", "2.000", "2.646", "1.000", "6.000"));
  }

  @Test
  void shouldComputeSameBootstrapIntervalOnRetryAndHeartbeat() throws IOException {
    String table = csv("x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    Map<String, String> params = Map.of("input", table, "column", "x", "resamples", "40000");
    ToolOutput first = run("stats.bootstrap", params);
    ToolOutput second = run("stats.bootstrap", params);
    assertThat(second.artifact()).isEqualTo(first.artifact());
    List<String> mean = read(first.artifact()).rows().get(0);
    assertThat(mean.get(0)).isEqualTo("mean");
    assertThat(Double.parseDouble(mean.get(1))).isEqualTo(5.5);
    // the percentile interval of the mean of 1..10 with n=10 lies near 5.5 +- 1.96 * 2.87 / sqrt(10)
    assertThat(Double.parseDouble(mean.get(2))).isBetween(3.5, 4.2);
    assertThat(Double.parseDouble(mean.get(3))).isBetween(6.8, 7.5);
    assertThat(heartbeats).contains("20000/40000 resamples");
  }

  @Test
  void shouldBootstrapEachGroupSeparately() throws IOException {
    String table = csv("drug,x\na,1\na,3\nb,10\nb,10\n");
    Table out = read(run("stats.bootstrap", Map.of("input", table, "column", "x", "group_by", "drug",
        "resamples", "500")).artifact());
    assertThat(out.header()).containsExactly("drug", "statistic", "estimate", "lower", "upper", "confidence",
        "resamples");
    assertThat(out.rows()).extracting(r -> r.get(0) + "/" + r.get(1) + "=" + r.get(2))
        .containsExactly("a/mean=2.000", "a/median=2.000", "b/mean=10.00", "b/median=10.00");
    assertThat(out.rows().get(2).subList(3, 5)).containsExactly("10.00", "10.00"); // no spread, no interval
  }

  @Test
  void shouldLoadClasspathCsvAndRefuseOtherSources() {
    assertThatThrownBy(() -> run("data.read_csv", Map.of("source", "/etc/passwd")))
        .hasMessageContaining("must start with classpath: or file:");
    assertThatThrownBy(() -> run("data.read_csv", Map.of("source", "classpath:nope.csv")))
        .hasMessageContaining("no resource 'nope.csv'");
  }

  @Test
  void shouldReadFileSourcesFromTheContextsInputsDirectoryOnly() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(inputs.resolve("rows.csv"), "id,value\n1,2\n");
    Files.writeString(dir.resolve("secret.csv"), "id\n1\n");

    ToolOutput out = run("data.read_csv", Map.of("source", "file:rows.csv"), Optional.of(inputs));
    assertThat(read(out.artifact()).rows()).containsExactly(List.of("1", "2"));
    assertThatThrownBy(() -> run("data.read_csv", Map.of("source", "file:../secret.csv"), Optional.of(inputs)))
        .isInstanceOf(ToolException.class).hasMessageContaining("lies outside the inputs directory");
    assertThatThrownBy(() -> run("data.read_csv", Map.of("source", "file:rows.csv")))
        .isInstanceOf(ToolException.class).hasMessageContaining("the runtime has no inputs directory");
  }

  @Test
  void shouldRenderReportCitingSources() throws IOException {
    String table = csv("name,mw\naspirin,180.2\n");
    ToolOutput out = run("report.markdown", Map.of("title", "T", "sections", "Drugs=" + table));
    String md = new String(store.read(out.artifact()), StandardCharsets.UTF_8);
    assertThat(md).startsWith("# T\n").contains("## Drugs").contains("| aspirin | 180.2 |")
        .contains("_source: sha256:");
    assertThat(out.artifact().mediaType()).isEqualTo("text/markdown");
  }

  @Test
  void shouldOpenArtifactsByUriAndRefuseOtherText() throws IOException {
    String uri = csv("a\n1\n");
    assertThat(run("artifact.read", Map.of("uri", uri)).artifact().uri()).isEqualTo(uri);
    assertThatThrownBy(() -> run("artifact.read", Map.of("uri", "/etc/passwd"))).hasMessageContaining("not an artifact URI");
    assertThatThrownBy(() -> run("artifact.read", Map.of("uri", "artifact:sha256:" + "1".repeat(64))))
        .hasMessageContaining("no artifact");
  }

  @Test
  void shouldRefuseTwoToolsWithOneName() {
    assertThatThrownBy(() -> ToolRegistry.of(List.of(new BuiltinTools(), new BuiltinTools())))
        .hasMessageContaining("is provided twice");
  }

  @Test
  void shouldParseQuotedCsvFieldsAndRejectRaggedRows() {
    Table t = Csv.parse("a,b\n\"x,\"\"y\"\"\",2\n");
    assertThat(t.rows()).containsExactly(List.of("x,\"y\"", "2"));
    assertThat(Csv.parse(Csv.write(t))).isEqualTo(t);
    assertThatThrownBy(() -> Csv.parse("a,b\n1\n")).hasMessageContaining("row 1 has 1 fields");
  }

  private String csv(String text) throws IOException {
    return store.put(text.getBytes(StandardCharsets.UTF_8), "text/csv").uri();
  }

  private Table read(ArtifactRef ref) throws IOException {
    return Csv.parse(new String(store.read(ref), StandardCharsets.UTF_8));
  }

  private ToolOutput run(String tool, Map<String, String> params) {
    return run(tool, params, Optional.empty());
  }

  private ToolOutput run(String tool, Map<String, String> params, Optional<Path> inputsDir) {
    Tool t = registry.find(tool).orElseThrow();
    return t.execute(new ToolContext() {
      @Override
      public ArtifactStore artifacts() {
        return store;
      }

      @Override
      public String idempotencyKey() {
        return "test/" + tool;
      }

      @Override
      public Path workDir() {
        return dir;
      }

      @Override
      public void heartbeat(String progress) {
        heartbeats.add(progress);
      }

      @Override
      public Optional<Path> inputsDir() {
        return inputsDir;
      }
    }, new ToolArguments(params));
  }
}
