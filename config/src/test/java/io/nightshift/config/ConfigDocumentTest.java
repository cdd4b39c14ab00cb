package io.nightshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDocumentTest {
  private static final String SRC = "test file /etc/t.yaml";

  @Test
  void shouldFailOnceListingEveryProblemWithPathAndLine() {
    ConfigDocument doc = ConfigDocument.parse("""
        pools:
          - id: gpu
            speed: fast
            properties: {price-per-unit-hour: -1}
          - id: cpu
            sped: 2
        """, SRC);
    for (ConfigNode pool : doc.root().get("pools").items("pools")) {
      ConfigNode named = pool.namedBy("id").keys(Set.of("id", "speed", "properties"));
      named.get("speed").positive(Double.POSITIVE_INFINITY, 1);
      named.get("properties").get("price-per-unit-hour").decimal(0, Double.POSITIVE_INFINITY, 0);
    }

    assertThatThrownBy(doc::check).isInstanceOf(ConfigException.class).hasMessage("""
        test file /etc/t.yaml: 3 problems:
          pools[gpu].speed (line 3): must be a number > 0, was 'fast'
          pools[gpu].properties.price-per-unit-hour (line 4): must be a number >= 0, was '-1'
          pools[cpu].sped (line 6): unknown key; allowed here: [id, properties, speed]""");
    assertThat(doc.problems()).extracting(ConfigProblem::line).containsExactly(3, 4, 6);
  }

  @Test
  void shouldNameTheFileAndTheSingleProblemOnOneLine() {
    ConfigDocument doc = ConfigDocument.parse("name: x\n", SRC);
    doc.root().get("steps").require("a pipeline needs steps");

    assertThatThrownBy(doc::check).hasMessage("test file /etc/t.yaml: steps (line 1): missing; a pipeline needs steps");
  }

  @Test
  void shouldReturnTheResultOnlyWhenNothingIsWrong() {
    ConfigDocument doc = ConfigDocument.parse("a: 1\n", SRC);

    assertThat(doc.result(doc.root().get("a").integer(0, 9, -1))).isEqualTo(1);
  }

  @Test
  void shouldReportSyntaxErrorsWithLineAndColumn() {
    assertThatThrownBy(() -> ConfigDocument.parse("a: 1\nb: [1, 2\n", SRC)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test file /etc/t.yaml (line 3): YAML syntax error (column 1): ")
        .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement()
            .satisfies(p -> assertThat(p.path()).isEmpty()));
  }

  @Test
  void shouldRefuseRepeatedKeysAndTooManyAliases() {
    ConfigDocument doc = ConfigDocument.parse("a: 1\nb: 2\na: 3\n", SRC);
    doc.root().keys(Set.of("a", "b"));
    assertThatThrownBy(doc::check).hasMessageContaining("a (line 3): duplicate key; first set on line 1");

    StringBuilder laughs = new StringBuilder("a: &a [x]\n");
    for (int i = 0; i < 30; i++) {
      laughs.append("k").append(i).append(": [*a, *a]\n");
    }
    assertThatThrownBy(() -> ConfigDocument.parse(laughs.toString(), SRC)).isInstanceOf(ConfigException.class);
  }

  @Test
  void shouldRefuseTextOverTheLimitBeforeParsingIt() {
    assertThatThrownBy(() -> ConfigDocument.parse("#".repeat(ConfigDocument.MAX_CHARS + 1), SRC))
        .hasMessage("test file /etc/t.yaml: 1000001 characters; the limit is 1000000");
  }

  @Test
  void shouldGiveAnEmptyFileAnAbsentRoot() {
    ConfigDocument doc = ConfigDocument.parse("# only a comment\n", SRC);

    assertThat(doc.root().isPresent()).isFalse();
    assertThat(doc.root().get("pools").items("pools")).isEmpty();
    doc.check();
  }

  @Test
  void shouldNameTheFileItCannotRead(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigDocument.read(missing, "models file"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot read models file " + missing.toAbsolutePath() + " (");

    Path file = Files.writeString(dir.resolve("m.yaml"), "a: b\n");
    ConfigDocument doc = ConfigDocument.read(file, "models file");
    assertThat(doc.source()).isEqualTo("models file " + file.toAbsolutePath());
    assertThat(doc.root().get("a").string()).contains("b");
  }
}
