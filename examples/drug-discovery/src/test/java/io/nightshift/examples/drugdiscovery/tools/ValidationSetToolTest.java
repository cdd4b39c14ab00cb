package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.examples.drugdiscovery.data.Candidate;
import io.nightshift.examples.drugdiscovery.data.MoleculeSet;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationSetToolTest {
  @TempDir Path dir;

  @Test
  void shouldFollowEachActiveWithItsDecoysLabelledZero() throws Exception {
    RecordingToolContext context = new RecordingToolContext(dir);
    ToolOutput out = new ValidationSetTool().execute(context,
        new ToolArguments(Map.of("actives", "3", "decoys_per_active", "4")));
    System.out.println(out.summary());
    MoleculeSet set = context.read(out.artifact());
    assertThat(set.candidates()).filteredOn(c -> c.property("active").orElseThrow().equals("1"))
        .extracting(Candidate::id).containsExactly("imatinib", "nilotinib", "dasatinib");
    assertThat(set.candidates()).filteredOn(c -> c.property("active").orElseThrow().equals("0"))
        .hasSize(12).allSatisfy(c -> {
          assertThat(c.id()).startsWith("NCI-");
          assertThat(c.property("decoy_for")).hasValueSatisfying(a -> assertThat(a).isIn("imatinib", "nilotinib",
              "dasatinib"));
          assertThat(c.number("max_tanimoto")).hasValueSatisfying(t -> assertThat(t).isLessThan(0.35));
        });
    assertThat(set.candidates().get(1).property("decoy_for")).hasValue("imatinib");
    // a retry computes the same set
    assertThat(new ValidationSetTool().execute(context,
        new ToolArguments(Map.of("actives", "3", "decoys_per_active", "4"))).artifact()).isEqualTo(out.artifact());
  }

  @Test
  void shouldRefuseMoreActivesThanShippedNamingTheParameter() {
    assertThatThrownBy(() -> new ValidationSetTool().execute(new RecordingToolContext(dir),
        new ToolArguments(Map.of("actives", "99")))).isInstanceOf(ToolException.class)
        .hasMessageContaining("'actives'").hasMessageContaining("at most 15");
    assertThatThrownBy(() -> new ValidationSetTool().execute(new RecordingToolContext(dir),
        new ToolArguments(Map.of("decoys_per_active", "0")))).isInstanceOf(ToolException.class)
        .hasMessageContaining("'decoys_per_active'");
  }
}
