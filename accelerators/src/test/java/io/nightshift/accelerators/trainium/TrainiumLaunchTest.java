package io.nightshift.accelerators.trainium;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.accelerators.FakeTools;
import io.nightshift.accelerators.ServerRecord;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.core.accelerator.PreparedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vLLM-neuron start-up with the compiled-model cache, against a stand-in that "compiles" when nothing is cached. */
class TrainiumLaunchTest {
  private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";
  @TempDir Path temp;
  private TrainiumBackend pool;

  private TrainiumBackend backend(List<String> compileCommand) {
    FakeTools tools = new FakeTools(temp);
    pool = new TrainiumBackend(TrainiumConfig.custom().id("trn1-0").neuronLs(tools.path("neuron-ls"))
        .neuronMonitor(tools.path("neuron-monitor")).vllmExecutable(tools.path("fake_model_server.py"))
        .compiledArtifacts(temp.resolve("compiled")).compileCommand(compileCommand)
        .logDirectory(temp.resolve("logs")).pollInterval(Duration.ofMillis(100))
        .startupTimeout(Duration.ofSeconds(20)).compilingStartupTimeout(Duration.ofSeconds(30)).build());
    return pool;
  }

  @AfterEach
  void stop() {
    if (pool != null) {
      pool.close();
    }
  }

  private ModelServerSpec spec(int port, Path record) {
    return new ModelServerSpec(MODEL, "", port, 8, Duration.ZERO, List.of(),
        Map.of("FAKE_RECORD", record.toString(), "FAKE_COMPILE_SECONDS", "1.5"));
  }

  @Test
  void shouldCompileOnTheFirstStartAndReuseTheCacheOnTheSecond() {
    TrainiumBackend trn = backend(List.of());
    Path dir = temp.resolve("compiled/meta-llama_Llama-3.1-8B-Instruct/tp2");

    Lease first = trn.allocate(LeaseRequest.of("task-1", 2));
    ModelServerHandle h1 = trn.start(first, spec(FakeTools.freePort(), temp.resolve("first.json")));
    ServerRecord r1 = ServerRecord.read(temp.resolve("first.json"));
    assertThat(r1.compiled()).isTrue();
    assertThat(r1.env()).containsEntry("NEURON_RT_VISIBLE_CORES", "0-1")
        .containsEntry("NEURON_COMPILED_ARTIFACTS", dir.toString());
    assertThat(r1.argv()).containsSequence("--tensor-parallel-size", "2").containsSequence("--max-num-seqs", "8");
    assertThat(trn.health(h1).state()).isEqualTo(HealthStatus.State.UP);
    assertThat(dir.resolve(CompiledModelCache.MARKER)).exists();
    trn.release(first);

    Lease second = trn.allocate(LeaseRequest.of("task-2", 2));
    assertThat(trn.prepare(second, spec(1, temp.resolve("unused.json"))).fromCache()).isTrue();
    trn.start(second, spec(FakeTools.freePort(), temp.resolve("second.json")));
    assertThat(ServerRecord.read(temp.resolve("second.json")).compiled()).isFalse();

    // Another core count is another compilation.
    Lease four = trn.allocate(LeaseRequest.of("task-3", 4));
    assertThat(trn.prepare(four, spec(1, temp.resolve("unused.json"))).fromCache()).isFalse();
  }

  @Test
  void shouldRunTheAheadOfTimeCompileCommandOnceAndThenServeFromCache() throws Exception {
    String compiler = new FakeTools(temp).path("fake-neuron-compile");
    TrainiumBackend trn = backend(List.of(compiler, "{model}", "{tp}", "{artifacts}"));
    Lease lease = trn.allocate(LeaseRequest.of("task-1", 2));

    PreparedModel first = trn.prepare(lease, spec(1, temp.resolve("x.json")));
    PreparedModel again = trn.prepare(lease, spec(1, temp.resolve("x.json")));

    assertThat(first.fromCache()).isFalse();
    assertThat(again.fromCache()).isTrue();
    assertThat(Path.of(first.location(), "model.neff")).hasContent("compiled");
    assertThat(Files.readAllLines(temp.resolve("compiled/meta-llama_Llama-3.1-8B-Instruct/compile-runs.log")))
        .containsExactly(MODEL + " tp=2");
    ModelServerHandle h = trn.start(lease, spec(FakeTools.freePort(), temp.resolve("served.json")));
    assertThat(ServerRecord.read(temp.resolve("served.json")).compiled()).isFalse();
    assertThat(trn.health(h).usable()).isTrue();
  }
}
