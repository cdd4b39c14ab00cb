package io.nightshift.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolOutputTest {
  private static final ArtifactRef REF = new ArtifactRef("sha256:" + "ab".repeat(32), 3, "text/plain");

  @Test
  void shouldNameNoNextToolUnlessTheToolAsksForOne() {
    assertThat(new ToolOutput(REF, "done").nextTool()).isEmpty();
    assertThat(new ToolOutput(REF, "done", null).nextTool()).isEmpty();
    assertThat(new ToolOutput(REF, "done").withNextTool("memory.save").nextTool()).hasValue("memory.save");
  }

  @Test
  void shouldRefuseANextToolThatIsNoToolName() {
    assertThatThrownBy(() -> new ToolOutput(REF, "done", Optional.of("Memory.Save")))
        .hasMessage("nextTool must be a tool name (dotted lower-case words), was Memory.Save");
    assertThatThrownBy(() -> new ToolOutput(REF, "done").withNextTool(""))
        .hasMessageContaining("nextTool must be a tool name");
  }
}
