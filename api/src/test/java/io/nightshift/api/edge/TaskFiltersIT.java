package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskFilterScenario} on the official Temporal dev server (SQLite visibility, Nightshift's search attributes
 * registered): the filters go into the visibility query, labels as the NightshiftLabels KeywordList, and a hostile
 * pipeline name must not widen it. {@code TaskFiltersOnInMemoryServerTest} plays the same where filters run in Java.
 */
class TaskFiltersIT extends TaskFiltersContract {
  @Override
  ApiRuntimeOnSocket start(Path dataDir) throws Exception {
    return ApiRuntimeOnSocket.startOnDevServer(dataDir);
  }

  @Test
  void shouldLetTheServerFilterSoTheFirstPageHoldsTheMatch() {
    // c is neither the newest nor the oldest of lab's tasks: filtered after paging, the first page would be empty
    assertThat(scenario.pageSizesOfTeamBio().get(0)).isEqualTo(1);
  }
}
