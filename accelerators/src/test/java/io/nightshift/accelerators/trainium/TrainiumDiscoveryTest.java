package io.nightshift.accelerators.trainium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.accelerators.FakeTools;
import io.nightshift.accelerators.Recorded;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.Telemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainiumDiscoveryTest {
  @TempDir Path temp;

  private TrainiumBackend backend(String neuronLs, String neuronMonitor) {
    return new TrainiumBackend(TrainiumConfig.custom().id("trn1-0").neuronLs(neuronLs).neuronMonitor(neuronMonitor)
        .pricePerCoreHour(0.67).compiledArtifacts(temp.resolve("cache")).build());
  }

  /** A pool on the fake neuron-ls called {@code neuronLs} (each run's flags go to {@code <neuronLs>.calls}). */
  private TrainiumBackend fake(String neuronLs) {
    FakeTools tools = new FakeTools(temp);
    return backend(tools.path(neuronLs), tools.path("neuron-monitor"));
  }

  private TrainiumBackend trn1() {
    return fake("neuron-ls");
  }

  private List<String> flagsOfEachRun(String neuronLs) throws Exception {
    return Files.readAllLines(temp.resolve(neuronLs + ".calls"));
  }

  @Test
  void shouldDiscoverEveryNeuronCoreWithItsShareOfChipMemory() {
    List<Device> cores = trn1().discover();

    assertThat(cores).hasSize(32);
    assertThat(cores.get(7).id()).isEqualTo("nc7");
    assertThat(cores.get(7).group()).isEqualTo("neuron3");
    assertThat(cores.get(7).kind()).isEqualTo(AcceleratorKind.NEURON_CORE);
    assertThat(cores.get(7).name()).isEqualTo("trn1.32xlarge");
    assertThat(cores.get(7).memoryBytes()).isEqualTo(16L << 30);
  }

  @Test
  void shouldAskForNeuronLssNewOutputFormatFirst() throws Exception {
    TrainiumBackend pool = trn1();

    pool.discover();
    List<Device> cores = pool.discover();

    assertThat(cores).hasSize(32);
    assertThat(cores.get(0).name()).isEqualTo("trn1.32xlarge");
    assertThat(flagsOfEachRun("neuron-ls")).containsExactly("--output-format json", "--output-format json");
  }

  @Test
  void shouldFallBackToJsonOutputOnAnOlderNeuronLsAndKeepUsingIt() throws Exception {
    TrainiumBackend pool = fake("neuron-ls-legacy");

    pool.discover();
    List<Device> cores = pool.discover();

    assertThat(cores).extracting(Device::id).containsExactly("nc0", "nc1");
    assertThat(pool.health().state()).isEqualTo(HealthStatus.State.UP);
    assertThat(flagsOfEachRun("neuron-ls-legacy"))
        .containsExactly("--output-format json", "--json-output", "--json-output");
  }

  @Test
  void shouldNameBothCommandsWhenNeuronLsRefusesEitherFlag() throws Exception {
    Path broken = temp.resolve("neuron-ls-no-driver");
    Files.writeString(broken, "#!/bin/sh\necho 'Neuron driver is not loaded' >&2\nexit 1\n");
    broken.toFile().setExecutable(true);

    BackendSnapshot s = backend(broken.toString(), new FakeTools(temp).path("neuron-monitor")).snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(s.health().detail())
        .contains("'" + broken + " --output-format json' exited with 1: Neuron driver is not loaded")
        .contains("then '" + broken + " --json-output' exited with 1");
  }

  @Test
  void shouldReadRecordedNeuronLsOutputFromATrn1_2xlarge() {
    // neuron-ls --json-output on a trn1.2xlarge (recorded/README.md says where it came from)
    List<Device> cores = NeuronLsParser.parse(Recorded.text("neuron-ls-trn1.2xlarge.json"));

    assertThat(cores).extracting(Device::id).containsExactly("nc0", "nc1");
    assertThat(cores).extracting(Device::group).containsExactly("neuron0", "neuron0");
    assertThat(cores).allSatisfy(c -> assertThat(c.memoryBytes()).isEqualTo(16L << 30));
  }

  @Test
  void shouldFindTheDeviceListInTheNewObjectFormatWhateverItsKey() {
    // Shape per AWS's announcement for Neuron 2.34 (top-level instance and UltraServer fields); not a recording.
    List<Device> cores = NeuronLsParser.parse("""
        {"instance_type": "trn2.48xlarge", "logical_neuroncore_config": 2, "ultraserver": {"id": "u-1"},
         "devices": [{"neuron_device": 0, "nc_count": 4, "memory_size": 103079215104, "neuroncore_ids": [0, 1, 2, 3]},
                     {"neuron_device": 1, "nc_count": 4, "memory_size": 103079215104, "neuroncore_ids": [4, 5, 6, 7]}]}
        """);

    assertThat(cores).hasSize(8);
    assertThat(cores.get(5).name()).isEqualTo("trn2.48xlarge");
    assertThat(cores.get(5).group()).isEqualTo("neuron1");
    assertThat(cores.get(5).memoryBytes()).isEqualTo(24L << 30);
    assertThatThrownBy(() -> NeuronLsParser.parse("{\"instance_type\": \"trn2.48xlarge\", \"version\": 2}"))
        .hasMessageContaining("without a list of devices").hasMessageContaining("[instance_type, version]");
  }

  @Test
  void shouldParseOlderOutputWithoutCoreIdsByNumberingCoresDeviceByDevice() {
    List<Device> cores = NeuronLsParser.parse("""
        [{"neuron_device": 0, "bdf": "00:1e.0", "connected_to": null, "nc_count": 2, "memory_size": 34359738368,
          "neuron_processes": []},
         {"neuron_device": 1, "bdf": "00:1f.0", "connected_to": null, "nc_count": 2, "memory_size": 34359738368,
          "neuron_processes": []}]""");

    assertThat(cores).extracting(Device::index).containsExactly(0, 1, 2, 3);
    assertThat(cores).extracting(Device::group).containsExactly("neuron0", "neuron0", "neuron1", "neuron1");
  }

  @Test
  void shouldLeaseContiguousAlignedCoreRangesAsNeuronRtVisibleCores() {
    TrainiumBackend pool = trn1();

    Lease four = pool.allocate(LeaseRequest.of("a", 4));
    Lease two = pool.allocate(LeaseRequest.of("b", 2));
    Lease one = pool.allocate(LeaseRequest.of("c", 1));
    Lease eight = pool.allocate(LeaseRequest.of("d", 8));

    assertThat(four.environment()).containsEntry("NEURON_RT_VISIBLE_CORES", "0-3");
    assertThat(two.environment()).containsEntry("NEURON_RT_VISIBLE_CORES", "4-5");
    assertThat(one.environment()).containsEntry("NEURON_RT_VISIBLE_CORES", "6");
    // 7 is free but 7-14 is not aligned: the group starts at 8 so it does not split later 8-core groups.
    assertThat(eight.environment()).containsEntry("NEURON_RT_VISIBLE_CORES", "8-15");
    assertThatThrownBy(() -> pool.allocate(LeaseRequest.of("e", 3)))
        .hasMessageContaining("INVALID_REQUEST").hasMessageContaining("groups of [1, 2, 4, 8, 16, 32, 64], not 3");
  }

  @Test
  void shouldRefuseAGroupWhenFreeCoresAreNotContiguous() {
    TrainiumBackend pool = trn1();
    List<Lease> singles = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      singles.add(pool.allocate(LeaseRequest.of("s" + i, 1)));
    }
    for (int i = 0; i < 32; i += 2) {
      pool.release(singles.get(i)); // frees 0, 2, 4, ...: 16 cores free, no two adjacent
    }

    assertThat(pool.snapshot().freeUnits()).isEqualTo(16);
    assertThatThrownBy(() -> pool.allocate(LeaseRequest.of("pair", 2)))
        .hasMessageContaining("NO_CAPACITY").hasMessageContaining("no 2 contiguous free NeuronCores (16 free of 32");
  }

  @Test
  void shouldReadPerCoreUtilizationAndMemoryFromNeuronMonitor() {
    BackendSnapshot s = trn1().snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.UP);
    Telemetry nc0 = s.telemetry().get(0);
    assertThat(nc0.utilizationPercent()).hasValue(87.5);
    assertThat(nc0.memoryUsedBytes()).hasValue(61766864L + 1295008 + 43216);
    assertThat(nc0.powerWatts()).isEmpty();
    assertThat(s.telemetry().get(2).utilizationPercent()).hasValue(3.0803098003189486);
    assertThat(s.telemetry().get(5).utilizationPercent()).hasValue(0);
  }

  @Test
  void shouldMarkThePoolDownWhenNeuronLsOutputIsTruncated() {
    TrainiumBackend pool = fake("neuron-ls-truncated");

    BackendSnapshot s = pool.snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(s.health().detail()).contains("unexpected neuron-ls output").contains("invalid JSON at offset");
    assertThatThrownBy(() -> pool.allocate(LeaseRequest.of("t", 1))).hasMessageContaining("DISCOVERY_FAILED");
  }

  @Test
  void shouldKeepServingLeasesWhenOnlyNeuronMonitorIsMissing() {
    TrainiumBackend pool = backend(new FakeTools(temp).path("neuron-ls"), temp.resolve("absent-monitor").toString());

    BackendSnapshot s = pool.snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.DEGRADED);
    assertThat(s.health().detail()).contains("telemetry unavailable").contains("absent-monitor");
    assertThat(pool.allocate(LeaseRequest.of("t", 2)).units()).isEqualTo(2);
  }

  @Test
  void shouldReportIdleCoresFromARecordedMonitorReportWithNoRuntimeAttached() {
    // the first neuron-monitor report on a trn1.2xlarge with no runtime (recorded/README.md says where it came from)
    List<Device> cores = NeuronLsParser.parse(Recorded.text("neuron-ls-trn1.2xlarge.json"));

    List<Telemetry> t = NeuronMonitorParser.parse(Recorded.text("neuron-monitor-trn1.2xlarge-idle.json").strip(),
        cores, Instant.EPOCH);

    assertThat(t).extracting(Telemetry::deviceId).containsExactly("nc0", "nc1");
    assertThat(t).allSatisfy(core -> {
      assertThat(core.utilizationPercent()).hasValue(0);
      assertThat(core.memoryUsedBytes()).isEmpty();
      assertThat(core.powerWatts()).isEmpty();
    });
  }

  @Test
  void shouldRejectAMonitorReportWithoutRuntimeData() {
    assertThatThrownBy(() -> NeuronMonitorParser.parse("{\"system_data\":{}}", List.of(), Instant.now()))
        .hasMessageContaining("no 'neuron_runtime_data'");
  }
}
