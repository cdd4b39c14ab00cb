package io.nightshift.bench.agents;

import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A small programmatic entry point to the saturation harness, for a test that runs it briefly on a runtime of its
 * own: the scripted endpoint (C slots, fixed service time, so its true capacity C / service time is known by
 * construction), its models-file entry, and the harness's arms on it, each as whole-run calls per second.
 */
public final class ScriptedSaturation implements AutoCloseable {
  private final BenchEndpoint endpoint;
  private final Duration serviceTime;
  private final AgentShape shape = AgentShape.oneShortAnswer();

  private ScriptedSaturation(BenchEndpoint endpoint, Duration serviceTime) {
    this.endpoint = endpoint;
    this.serviceTime = serviceTime;
  }

  public static ScriptedSaturation start(int capacity, Duration serviceTime) {
    return new ScriptedSaturation(BenchEndpoint.scripted(capacity, serviceTime), serviceTime);
  }

  /** The endpoint as a models file entry (id "bench"), for the runtime's {@code --models}. */
  public String modelsYaml() {
    return endpoint.modelsYaml();
  }

  /** Calls per second the endpoint can serve at most: its slots, each busy for the service time per call. */
  public double trueCapacity() {
    return endpoint.slots() * 1e9 / serviceTime.toNanos();
  }

  /** One task of {@code agents} one-call agent steps ({@link TaskLoad}), at most {@code maxParallel} at once. */
  public double agentSteps(WorkflowClient client, String taskId, int agents, int maxParallel) {
    return TaskLoad.run(client, taskId, agents, maxParallel, shape).wholeRun();
  }

  /** As many direct clients as slots, calling back to back ({@link DirectLoad}): the second reference. */
  public double direct(Path modelsFile, int requests) throws Exception {
    return DirectLoad.run(endpoint.configs(modelsFile), BenchEndpoint.ID, endpoint.slots(), requests, shape)
        .wholeRun();
  }

  @Override
  public void close() throws Exception {
    endpoint.close();
  }
}
