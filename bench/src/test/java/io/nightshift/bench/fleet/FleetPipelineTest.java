package io.nightshift.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepSpec;
import io.nightshift.planners.declarative.PipelineParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetPipelineTest {
  private final List<FleetSubtask> subtasks = Workload.mixed(200, 3);
  private final FleetPipeline pipeline = new FleetPipeline("cost", "{policy: cheapest, deadline: 2026-12-07T08:00Z}",
      subtasks);

  @Test
  void shouldWriteAPipelineTheRuntimeAcceptsWithOneEstimatedMapPerUnitCount() {
    PipelineSpec spec = new PipelineParser().parse(pipeline.yaml(FleetPools.modelled().get(1), 100,
        Map.of(1, 80, 8, 10)));

    assertThat(spec.placement().deadline()).isPresent();
    List<StepSpec> maps = spec.steps().stream().filter(s -> s.kind() == StepKind.MAP).toList();
    assertThat(maps).extracting(StepSpec::name).containsExactly("run-1", "run-2", "run-4", "run-8")
        .isEqualTo(pipeline.mapSteps());
    assertThat(maps).extracting(s -> s.requires().units()).containsExactly(1, 2, 4, 8);
    // 8-unit subtasks of 2,000-8,000 units on 8 NeuronCores (6.2 effective): about 800 model s, 8 real s at x100
    assertThat(maps.get(3).requires().estimateSeconds()).isBetween(5L, 13L);
    assertThat(maps.get(0).map().maxParallel()).isEqualTo(80);
  }

  @Test
  void shouldListEverySubtaskOnceLongestFirstInItsUnitCountsTable() {
    Map<String, String> files = pipeline.inputFiles();

    assertThat(files).containsOnlyKeys("cost-1.csv", "cost-2.csv", "cost-4.csv", "cost-8.csv");
    int rows = files.values().stream().mapToInt(f -> (int) f.lines().count() - 1).sum();
    assertThat(rows).isEqualTo(subtasks.size());
    List<Double> work = files.get("cost-1.csv").lines().skip(1).map(l -> Double.parseDouble(l.split(",")[1]))
        .toList();
    assertThat(work).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }
}
