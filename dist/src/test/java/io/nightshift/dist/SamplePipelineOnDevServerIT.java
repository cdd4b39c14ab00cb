package io.nightshift.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on the official Temporal dev server (SQLite, real visibility), on the shared dev runtime. */
@ExtendWith(SharedDevRuntime.class)
class SamplePipelineOnDevServerIT extends SamplePipelineContract {
  @BeforeAll
  void start(RuntimeProcess shared) {
    use(shared, false);
  }
}
