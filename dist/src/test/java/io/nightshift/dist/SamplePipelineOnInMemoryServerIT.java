package io.nightshift.dist;

import org.junit.jupiter.api.BeforeAll;

/** The contract on the in-memory fallback server (no visibility queries: listing uses the open/closed lists). */
class SamplePipelineOnInMemoryServerIT extends SamplePipelineContract {
  @BeforeAll
  void start() throws Exception {
    use(new RuntimeProcess(ItData.newDir(getClass()), "IN_MEMORY").start(), true);
  }
}
