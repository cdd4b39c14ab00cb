package io.nightshift.api.edge;

import java.nio.file.Path;

/**
 * {@link TaskFilterScenario} where Temporal has no visibility queries (the in-memory fallback server): every filter
 * is applied in Java to the open and closed lists before they are paged. {@code TaskFiltersIT} plays the same on
 * the official dev server, where the filters go into the query.
 */
class TaskFiltersOnInMemoryServerTest extends TaskFiltersContract {
  @Override
  ApiRuntimeOnSocket start(Path dataDir) throws Exception {
    return ApiRuntimeOnSocket.start(dataDir);
  }
}
