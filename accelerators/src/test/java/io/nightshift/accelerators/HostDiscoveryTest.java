package io.nightshift.accelerators;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorBackends;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery without a backends file, on a PATH of fake device tools (no real GPU or Neuron device needed). */
class HostDiscoveryTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private final AcceleratorBackends factories = AcceleratorBackends.load(getClass().getClassLoader());
  @TempDir Path temp;

  private Path bin(String name) throws Exception {
    return Files.createDirectories(temp.resolve(name));
  }

  @Test
  void shouldOfferOnlyTheCpuPoolWhenNoDeviceToolIsOnThePath() throws Exception {
    HostDiscovery.Result r = HostDiscovery.onPath(bin("empty").toString(), factories);

    assertThat(r.pools()).singleElement().satisfies(cpu -> {
      assertThat(cpu.settings().id()).isEqualTo("cpu");
      assertThat(cpu.settings().type()).isEqualTo("cpu");
      assertThat(cpu.units()).isEqualTo(CORES);
    });
    assertThat(r.skipped()).isEmpty();
    assertThat(HostDiscovery.onPath(null, factories).pools()).hasSize(1);
  }

  @Test
  void shouldOfferAnNvidiaPoolOfTheGpusThatNvidiaSmiOnThePathReports() throws Exception {
    Path bin = bin("bin");
    Path smi = new FakeTools(bin).tool("nvidia-smi");

    HostDiscovery.Result r;
    try (CapturedLogs logs = new CapturedLogs()) {
      r = HostDiscovery.onPath(temp.resolve("empty-entry") + File.pathSeparator + bin, factories);

      assertThat(logs.text()).contains("discovered pool nvidia (type nvidia): 8 GPU(s), nvidia-smi at " + smi
          + " (8 x NVIDIA H100 80GB HBM3)").contains("discovered pool cpu (type cpu): " + CORES + " core(s)");
    }
    assertThat(r.pools()).extracting(f -> f.settings().id()).containsExactly("nvidia", "cpu");
    assertThat(r.pools().get(0).settings().properties()).containsEntry("nvidia-smi", smi.toString());
  }

  @Test
  void shouldOfferATrainiumPoolWithNeuronMonitorFromThePathToo() throws Exception {
    FakeTools tools = new FakeTools(bin("neuron"));
    Path ls = tools.tool("neuron-ls");
    Path monitor = tools.tool("neuron-monitor");

    HostDiscovery.Result r = HostDiscovery.onPath(temp.resolve("neuron").toString(), factories);

    assertThat(r.pools()).extracting(f -> f.settings().id()).containsExactly("trainium", "cpu");
    HostDiscovery.Found trn = r.pools().get(0);
    assertThat(trn.units()).isEqualTo(32);
    assertThat(trn.line()).isEqualTo("pool trainium (type trainium): 32 NeuronCore(s), neuron-ls at " + ls
        + " (32 x trn1.32xlarge)");
    assertThat(trn.settings().properties()).containsEntry("neuron-ls", ls.toString())
        .containsEntry("neuron-monitor", monitor.toString());
  }

  @Test
  void shouldLeaveOutAPoolWhoseToolIsOnThePathButFailsAndSayWhy() throws Exception {
    Path smi = new FakeTools(bin("nodriver")).install("nvidia-smi-no-driver", "nvidia-smi");

    HostDiscovery.Result r;
    try (CapturedLogs logs = new CapturedLogs()) {
      r = HostDiscovery.onPath(temp.resolve("nodriver").toString(), factories);

      assertThat(logs.text()).contains("no pool nvidia: " + smi + " is on the PATH but failed")
          .contains("couldn't communicate with the NVIDIA driver").contains("list it in a --backends file to keep it");
    }
    assertThat(r.pools()).extracting(f -> f.settings().id()).containsExactly("cpu");
    assertThat(r.skipped()).singleElement().satisfies(s -> {
      assertThat(s.type()).isEqualTo("nvidia");
      assertThat(s.tool()).isEqualTo(smi);
      assertThat(s.reason()).contains("exited with 9");
    });
  }

  @Test
  void shouldTakeTheFirstExecutableOnThePathAsTheShellDoes() throws Exception {
    Path first = bin("first");
    Files.writeString(first.resolve("nvidia-smi"), "not executable");
    Path second = bin("second");
    Path smi = new FakeTools(second).tool("nvidia-smi");
    new FakeTools(bin("third")).install("nvidia-smi-no-driver", "nvidia-smi");

    String path = String.join(File.pathSeparator, "", first.toString(), second.toString(),
        temp.resolve("third").toString());

    assertThat(HostDiscovery.find(path, "nvidia-smi")).contains(smi);
    assertThat(HostDiscovery.onPath(path, factories).pools()).extracting(f -> f.settings().id())
        .containsExactly("nvidia", "cpu");
  }
}
