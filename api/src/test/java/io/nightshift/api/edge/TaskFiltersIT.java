package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TaskFilterScenario} on the official Temporal dev server (SQLite visibility, Nightshift's search attributes
 * registered): the filters go into the visibility query, labels as the NightshiftLabels KeywordList, and a hostile
 * pipeline name must not widen it. {@code TaskFiltersOnInMemoryServerTest} plays the same where filters run in Java.
 */
class TaskFiltersIT {
  @TempDir static Path dataDir;
  private static ApiRuntimeOnSocket api;
  private static TaskFilterScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    api = ApiRuntimeOnSocket.startOnDevServer(dataDir);
    scenario = new TaskFilterScenario(api);
    scenario.submitAll();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldAnswerARepeatedKeyWithTheSameTaskAndStartNothing() {
    scenario.shouldAnswerARepeatedKeyWithTheSameTaskAndStartNothing();
  }

  @Test
  void shouldRefuseTheSameKeyWithAnotherSpecNamingIt() {
    scenario.shouldRefuseTheSameKeyWithAnotherSpecNamingIt();
  }

  @Test
  void shouldGiveAnotherTenantsSameKeyItsOwnTask() {
    scenario.shouldGiveAnotherTenantsSameKeyItsOwnTask();
  }

  @Test
  void shouldRefuseMalformedKeysAndLabelsNamingTheField() {
    scenario.shouldRefuseMalformedKeysAndLabelsNamingTheField();
  }

  @Test
  void shouldShowLabelsOnGetTaskAndInTheList() {
    scenario.shouldShowLabelsOnGetTaskAndInTheList();
  }

  @Test
  void shouldFilterByEachFilterAlone() {
    scenario.shouldFilterByEachFilterAlone();
  }

  @Test
  void shouldCombineFiltersAcrossPages() {
    scenario.shouldCombineFiltersAcrossPages();
  }

  @Test
  void shouldRefuseAPageTokenUsedWithOtherFilters() {
    scenario.shouldRefuseAPageTokenUsedWithOtherFilters();
  }

  @Test
  void shouldNeverLetAHostileValueWidenTheQuery() {
    scenario.shouldNeverLetAHostileValueWidenTheQuery();
  }

  @Test
  void shouldLetTheServerFilterSoTheFirstPageHoldsTheMatch() {
    // c is neither the newest nor the oldest of lab's tasks: filtered after paging, the first page would be empty
    assertThat(scenario.pageSizesOfTeamBio().get(0)).isEqualTo(1);
  }

  @Test
  void shouldFilterTheUisTaskListByQueryParameters() throws Exception {
    scenario.shouldFilterTheUisTaskListByQueryParameters();
  }
}
