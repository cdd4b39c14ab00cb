package io.nightshift.api.edge;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TaskFilterScenario} where Temporal has no visibility queries (the in-memory fallback server): every filter
 * is applied in Java to the open and closed lists before they are paged. {@code TaskFiltersIT} plays the same on
 * the official dev server, where the filters go into the query.
 */
class TaskFiltersOnInMemoryServerTest {
  @TempDir static Path dataDir;
  private static ApiRuntimeOnSocket api;
  private static TaskFilterScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    api = ApiRuntimeOnSocket.start(dataDir);
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
  void shouldFilterTheUisTaskListByQueryParameters() throws Exception {
    scenario.shouldFilterTheUisTaskListByQueryParameters();
  }
}
