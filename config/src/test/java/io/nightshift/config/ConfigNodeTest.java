package io.nightshift.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigNodeTest {
  private ConfigDocument doc;

  private ConfigNode root(String yaml) {
    doc = ConfigDocument.parse(yaml, "f");
    return doc.root();
  }

  private List<String> problems() {
    return doc.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void shouldReadTypedValuesAndFallBackWhenAbsent() {
    ConfigNode r = root("""
        s: text
        n: 7
        d: 2.5
        b: true
        t: 90s
        l: [a, b]
        nil: ~
        """);

    assertThat(r.get("s").string()).contains("text");
    assertThat(r.get("n").integer(1, 10, 0)).isEqualTo(7);
    assertThat(r.get("d").decimal(0, 5, 0)).isEqualTo(2.5);
    assertThat(r.get("b").bool(false)).isTrue();
    assertThat(r.get("t").duration(Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
    assertThat(r.get("l").strings()).containsExactly("a", "b");
    assertThat(r.get("nil").isPresent()).isTrue();
    assertThat(r.get("nil").string()).isEmpty();
    assertThat(r.get("gone").isPresent()).isFalse();
    assertThat(r.get("gone").integer(1, 10, 3)).isEqualTo(3);
    assertThat(r.get("gone").duration(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(problems()).isEmpty();
  }

  enum Shape { ROUND, SQUARE_CUT }

  @Test
  void shouldReadEnumConstantsInAnyCaseAndListThemWhenUnknown() {
    ConfigNode r = root("a: square_cut\nb: ROUND\nc: oval\n");

    assertThat(r.get("a").enumValue(Shape.class, Shape.ROUND)).isEqualTo(Shape.SQUARE_CUT);
    assertThat(r.get("b").enumValue(Shape.class, Shape.SQUARE_CUT)).isEqualTo(Shape.ROUND);
    assertThat(r.get("c").enumValue(Shape.class, Shape.ROUND)).isEqualTo(Shape.ROUND);
    assertThat(r.get("d").enumValue(Shape.class, Shape.ROUND)).isEqualTo(Shape.ROUND);
    assertThat(problems()).containsExactly("c (line 3): must be one of [round, square_cut], was 'oval'");
  }

  @Test
  void shouldNameRangeAndValueOfEveryBadNumber() {
    ConfigNode r = root("""
        a: 0
        b: many
        c: 101
        d: -2
        e: 0
        f: 2000000000000
        """);
    r.get("a").integer(1, 20, 1);
    r.get("b").integer(1, Integer.MAX_VALUE, 1);
    r.get("c").decimal(1, 100, 1);
    r.get("d").decimal(0, Double.POSITIVE_INFINITY, 0);
    r.get("e").positive(Double.POSITIVE_INFINITY, 1);
    r.get("f").positive(1e12, 1);

    assertThat(problems()).containsExactly(
        "a (line 1): must be a whole number from 1 to 20, was '0'",
        "b (line 2): must be a whole number >= 1, was 'many'",
        "c (line 3): must be a number from 1 to 100, was '101'",
        "d (line 4): must be a number >= 0, was '-2'",
        "e (line 5): must be a number > 0, was '0'",
        "f (line 6): must be a number > 0 and <= 1000000000000, was '2000000000000'");
  }

  @Test
  void shouldRefuseWrongShapesAndOtherValuesNamingWhatWasThere() {
    ConfigNode r = root("""
        one: [x]
        flag: yes
        wait: soon
        words: a
        approval: maybe
        list: {a: 1}
        map: [1]
        """);
    r.get("one").string();
    r.get("flag").bool(false);
    r.get("wait").duration(Duration.ZERO);
    r.get("words").strings();
    r.get("approval").oneOf(List.of("required", "none"), "none");
    r.get("list").items("servers");
    r.get("map").entries();

    assertThat(problems()).containsExactly(
        "one (line 1): must be a single value",
        "flag (line 2): must be true or false, was 'yes'",
        "wait (line 3): must be a positive duration such as 30s, 10m, 2h or 7d, was 'soon'",
        "words (line 4): must be a list, e.g. [a, b]",
        "approval (line 5): must be 'required' or 'none', was 'maybe'",
        "list (line 6): must be a list of servers",
        "map (line 7): must be a mapping of key: value");
  }

  @Test
  void shouldListTheAllowedKeysOfAnUnknownOneAndTheKeysOfAMappingExpected() {
    ConfigNode r = root("pool:\n  id: a\n  tipe: cpu\nplain: 3\n");
    r.get("pool").keys(Set.of("id", "type"));
    r.get("plain").keys(Set.of("x"));

    assertThat(problems()).containsExactly("pool.tipe (line 3): unknown key; allowed here: [id, type]",
        "plain (line 4): must be a mapping with keys [x]");
  }

  @Test
  void shouldNameListItemsByAPlainWordAndKeepTheIndexOtherwise() {
    List<ConfigNode> items = root("""
        pools:
          - {id: gpu}
          - {id: "two words"}
          - [not, a, mapping]
        """).get("pools").items("pools");

    assertThat(items).extracting(i -> i.namedBy("id").path()).containsExactly("pools[gpu]", "pools[1]", "pools[2]");
    assertThat(items).extracting(ConfigNode::line).containsExactly(2, 3, 4);
  }

  @Test
  void shouldReadFreeMappingsAndOneOrManyValues() {
    ConfigNode r = root("env: {A: x, B: 2}\nneeds: load\ntools: [a, b]\n");

    assertThat(r.get("env").entries()).extracting((Map<String, ConfigNode> m) -> m.keySet())
        .isEqualTo(Set.of("A", "B"));
    assertThat(r.get("env").entries().get("B").string()).contains("2");
    assertThat(r.get("env").entries().get("B").path()).isEqualTo("env.B");
    assertThat(r.get("needs").stringOrStrings()).containsExactly("load");
    assertThat(r.get("tools").stringOrStrings()).containsExactly("a", "b");
  }

  @Test
  void shouldReportWhatAConstructorRefusesAtTheNodeAndMissingValues() {
    ConfigNode r = root("endpoint:\n  id: x\n");
    assertThat(r.get("endpoint").build(() -> {
      throw new IllegalArgumentException("baseUrl must be set");
    })).isEmpty();
    r.get("endpoint").get("url").require("every endpoint needs one");

    assertThat(problems()).containsExactly("endpoint (line 2): baseUrl must be set",
        "endpoint.url (line 2): missing; every endpoint needs one");
  }

  @Test
  void shouldReportAScopedPartWithPathsFromItsOwnRoot() {
    ConfigNode step = root("steps:\n  - name: a\n    retry: {max_attempts: 0}\n").get("steps").items("steps").get(0);
    ConfigProblems own = new ConfigProblems();
    step.scoped(own).get("retry").get("max_attempts").integer(1, 1000, 0);

    assertThat(own.all()).containsExactly(new ConfigProblem("retry.max_attempts", 3,
        "must be a whole number from 1 to 1000, was '0'"));
    assertThat(doc.problems()).isEmpty();
  }
}
