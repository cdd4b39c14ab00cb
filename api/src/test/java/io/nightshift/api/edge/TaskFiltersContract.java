package io.nightshift.api.edge;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TaskFilterScenario}'s checks, the same on every Temporal server a runtime may use: each subclass says which
 * server its runtime runs on ({@code TaskFiltersIT}: the official dev server, where the filters go into the
 * visibility query; {@code TaskFiltersOnInMemoryServerTest}: the in-memory fallback, where they run in Java).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaskFiltersContract {
  private ApiRuntimeOnSocket api;
  TaskFilterScenario scenario;

  /** The runtime under test, on the server the subclass is about. */
  abstract ApiRuntimeOnSocket start(Path dataDir) throws Exception;

  @BeforeAll
  void startRuntime(@TempDir Path dataDir) throws Exception {
    api = start(dataDir);
    scenario = new TaskFilterScenario(api);
    scenario.submitAll();
  }

  @AfterAll
  void stop() {
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
