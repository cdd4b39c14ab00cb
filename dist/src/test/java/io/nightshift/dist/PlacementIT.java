package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepTelemetry;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Placement through the real runtime: steps that {@code require} accelerators run on the pool the task's policy
 * picks, on that pool's own task queue, and the task view says where each ran and what it cost per pool. The
 * pools are the labelled simulator (this machine has no GPU); a Trainium-kind step lands on the Neuron pool. The
 * runtime is the {@link SharedPoolsRuntime} (BackendsIT's), whose simulated gpu-cheap, gpu-dear and trn are the
 * cheapest of its pools per unit of work for these steps.
 */
@ExtendWith(SharedPoolsRuntime.class)
class PlacementIT {
  @Test
  void shouldRunRequiringStepsOnThePolicysPoolAndSumCostPerPool(PoolsRuntime pools) throws Exception {
    RuntimeProcess runtime = pools.runtime;
    ApiClient api = new ApiClient(runtime.channel());
    String id = api.submitYaml("""
        name: placed
        placement: {policy: cheapest}
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - name: on_gpu
            tool: stats.bootstrap
            requires: {kind: nvidia_gpu, units: 2}
            params: {input: "${steps.load.output}", column: mw, resamples: "200000"}
          - name: on_neuron
            tool: table.describe
            requires: {kind: neuron_core}
            params: {input: "${steps.load.output}"}
        """, Map.of());
    Task done = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED
        || t.getState() == TaskState.TASK_STATE_FAILED, Duration.ofMinutes(3));
    assertThat(done.getState()).as(done.toString()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);

    Map<String, Step> steps = new HashMap<>();
    done.getStepsList().forEach(s -> steps.put(s.getName(), s));
    assertThat(steps.get("load").getPool()).isEmpty();
    assertThat(steps.get("on_gpu").getPool()).isEqualTo("gpu-cheap");
    assertThat(steps.get("on_gpu").getPlacement()).startsWith("cheapest");
    assertThat(steps.get("on_gpu").getUnitSeconds()).isPositive();
    assertThat(steps.get("on_gpu").getCost())
        .isCloseTo(steps.get("on_gpu").getUnitSeconds() / 3600 * PoolsRuntime.GPU_CHEAP_PRICE, Offset.offset(1e-9));
    // the pool's worker sampled the two leased simulated GPUs (busy: 100 %, 700 W each), not the idle pair
    StepTelemetry gpus = steps.get("on_gpu").getTelemetry();
    assertThat(gpus.getSamples()).isPositive();
    assertThat(gpus.getLive()).isFalse();
    assertThat(gpus.getMeanUtilizationPercent()).isEqualTo(100);
    assertThat(gpus.getMeanPowerWatts()).isEqualTo(2 * 700.0);
    assertThat(steps.get("load").hasTelemetry()).as("off-pool").isFalse();
    assertThat(steps.get("on_neuron").getPool()).isEqualTo("trn");
    assertThat(done.getCostByPoolMap()).containsOnlyKeys("gpu-cheap", "trn");
    assertThat(done.getUnitSecondsByPoolMap().get("gpu-cheap")).isEqualTo(steps.get("on_gpu").getUnitSeconds());
    assertThat(runtime.log()).contains("running step 'on_gpu'");
  }
}
