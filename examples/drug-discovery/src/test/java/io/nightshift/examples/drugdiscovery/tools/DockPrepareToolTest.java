package io.nightshift.examples.drugdiscovery.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.ToolArguments;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chem.dock_prepare checks what chem.dock would check and prepares only the in-process engine (its set-up of
 * OpenChemLib dockers is tested, against recorded scores, in ConcurrentDockingIT: it takes seconds per core).
 */
class DockPrepareToolTest {
  @TempDir Path dir;

  @Test
  void shouldHaveNothingToPrepareForAnEngineOutsideThisJvm() throws Exception {
    var out = new DockPrepareTool().execute(new RecordingToolContext(dir),
        new ToolArguments(Map.of("engine", "vina", "effort", "fast")));

    assertThat(out.summary()).isEqualTo("nothing to prepare: vina does not dock in this JVM");
  }

  @Test
  void shouldRefuseAnUnknownEngineOrEffortForGoodBeforeSettingUpAnything() throws Exception {
    var context = new RecordingToolContext(dir);
    assertThatThrownBy(() -> new DockPrepareTool().execute(context, new ToolArguments(Map.of("engine", "gnina"))))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("parameter 'engine' must be one of");
    assertThatThrownBy(() -> new DockPrepareTool().execute(context, new ToolArguments(Map.of("effort", "quick"))))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("parameter 'effort'");
  }
}
