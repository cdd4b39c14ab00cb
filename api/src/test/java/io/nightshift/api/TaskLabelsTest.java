package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.StatusRuntimeException;
import io.nightshift.client.FieldViolations;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes-style label rules, each refusal naming the label. */
class TaskLabelsTest {
  @Test
  void shouldAcceptNamesPrefixedKeysAndEmptyValues() {
    Map<String, String> labels = Map.of("team", "ml", "example.com/tier", "gold-1", "a", "", "x.y_z-9", "A.b_c-D");

    assertThat(TaskLabels.checked("spec.labels", labels)).containsExactlyEntriesOf(new java.util.TreeMap<>(labels));
    assertThat(TaskLabels.searchValues(labels)).containsExactly("a=", "example.com/tier=gold-1", "team=ml",
        "x.y_z-9=A.b_c-D");
  }

  @Test
  void shouldRefuseBadKeysAndValuesNamingTheLabel() {
    assertThat(field(Map.of("-team", "ml"))).isEqualTo("spec.labels[\"-team\"]");
    assertThat(field(Map.of("Example.com/team", "ml"))).as("a prefix is lower case")
        .isEqualTo("spec.labels[\"Example.com/team\"]");
    assertThat(field(Map.of("k".repeat(64), "v"))).startsWith("spec.labels[\"kkk");
    assertThat(field(Map.of("team", "ml'"))).isEqualTo("spec.labels[\"team\"]");
    assertThat(field(Map.of("team", "a b"))).isEqualTo("spec.labels[\"team\"]");
    assertThat(field(Map.of("team", "v".repeat(64)))).isEqualTo("spec.labels[\"team\"]");
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= TaskLabels.MAX_LABELS; i++) {
      many.put("k" + i, "v");
    }
    assertThat(field(many)).isEqualTo("spec.labels");
  }

  private static String field(Map<String, String> labels) {
    StatusRuntimeException refused = (StatusRuntimeException) org.assertj.core.api.Assertions.catchThrowable(
        () -> TaskLabels.checked("spec.labels", labels));
    assertThat(refused).isNotNull();
    return FieldViolations.of(refused).get(0).getField();
  }
}
