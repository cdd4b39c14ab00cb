package io.nightshift.dist;

/** The contract on the in-memory fallback server (no visibility queries: listing uses the open/closed lists). */
class SamplePipelineOnInMemoryServerIT extends SamplePipelineContract {
  @Override
  String temporalServer() {
    return "IN_MEMORY";
  }
}
