package io.nightshift.dist;

/** The contract on the official Temporal dev server (SQLite, real visibility). */
class SamplePipelineOnDevServerIT extends SamplePipelineContract {
  @Override
  String temporalServer() {
    return "DEV";
  }
}
