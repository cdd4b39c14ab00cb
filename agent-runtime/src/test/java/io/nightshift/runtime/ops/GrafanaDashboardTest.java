package io.nightshift.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/grafana/nightshift.json queries only series the runtime registers, and shows every one of them. */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "nightshift.json").toAbsolutePath()
      .normalize();
  private static final Pattern SERIES = Pattern.compile("\\bnightshift_[a-z_]+");

  @Test
  void shouldQueryOnlySeriesTheRuntimeRegisters() throws IOException {
    Set<String> queried = queriedFamilies();

    assertThat(queried).isNotEmpty();
    assertThat(MetricNames.PROMETHEUS).as("every nightshift_ series " + DASHBOARD + " queries")
        .containsAll(queried);
  }

  @Test
  void shouldShowEverySeriesTheRuntimeRegisters() throws IOException {
    assertThat(queriedFamilies()).containsExactlyInAnyOrderElementsOf(MetricNames.PROMETHEUS);
  }

  @Test
  void shouldTakeTheMaxPerNamespaceOfTheSeriesCountedInEachNamespace() throws IOException {
    List<String> queries = exprs(new ObjectMapper().readTree(DASHBOARD.toFile()));
    for (String family : MetricNames.BY_NAMESPACE) {
      List<String> querying = queries.stream().filter(e -> Pattern.compile("\\b" + family + "\\b").matcher(e).find())
          .toList();
      // every API process reports the same figure per namespace: a plain max would show the largest namespace
      // alone, a plain sum each namespace once per API process
      String maxPerNamespaceThenSum = "^sum( by \\([a-z, ]+\\) )?\\(max by \\(namespace(, [a-z]+)*\\) \\("
          + family + "\\)\\)$";
      assertThat(querying).as(family).isNotEmpty()
          .allSatisfy(e -> assertThat(e).containsPattern(maxPerNamespaceThenSum));
    }
  }

  @Test
  void shouldAskForItsPrometheusDataSourceOnImport() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());

    assertThat(dashboard.path("__inputs").get(0).path("pluginId").asText()).isEqualTo("prometheus");
    assertThat(exprs(dashboard)).allSatisfy(e -> assertThat(e).isNotBlank());
  }

  private static Set<String> queriedFamilies() throws IOException {
    Set<String> families = new TreeSet<>();
    for (String expr : exprs(new ObjectMapper().readTree(DASHBOARD.toFile()))) {
      Matcher m = SERIES.matcher(expr);
      while (m.find()) {
        families.add(MetricNames.family(m.group()));
      }
    }
    return families;
  }

  /** Every {@code expr} of every panel, rows' nested panels too. */
  private static List<String> exprs(JsonNode dashboard) {
    List<String> found = new ArrayList<>();
    dashboard.findValues("expr").forEach(e -> found.add(e.asText()));
    return found;
  }
}
