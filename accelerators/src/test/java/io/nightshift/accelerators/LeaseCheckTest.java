package io.nightshift.accelerators;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Lease;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-GPU check's harness, run here on the fake nvidia-smi with a stand-in workload (no GPU needed). */
class LeaseCheckTest {
  private static final String GPU0 = "GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01"; // index 0 of the fake nvidia-smi
  @TempDir Path temp;

  /** Sleeps two seconds (so telemetry is sampled), then reports the UUID it would see for CUDA_VISIBLE_DEVICES. */
  private List<String> workload(String uuidForGpu0) throws Exception {
    Path script = temp.resolve("workload.sh");
    Files.writeString(script, "#!/bin/sh\nsleep 2\n[ \"$CUDA_VISIBLE_DEVICES\" = 0 ] && u=" + uuidForGpu0
        + " || u=GPU-other\necho warming up\necho '{\"engine\": \"stand-in\", \"work\": \"sleep\", \"uuids\": [\"'$u'\"],"
        + " \"seconds\": 2.0, \"tflops\": 0.0}'\n");
    script.toFile().setExecutable(true);
    return List.of(script.toString());
  }

  private String run(String searchPath, List<String> command, int expectedExit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = LeaseCheck.run("nvidia", 1, command, searchPath, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isEqualTo(expectedExit);
    return out;
  }

  @Test
  void shouldLeaseAGpuRunTheWorkloadPinnedToItAndReadTelemetryMeanwhile() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    new FakeTools(bin).tool("nvidia-smi");

    String out = run(bin.toString(), workload(GPU0), 0);

    assertThat(out.lines()).singleElement().asString()
        .startsWith("lease-check OK: pool nvidia (type nvidia): 8 GPU(s), nvidia-smi at " + bin.resolve("nvidia-smi"))
        .contains("; 1 unit(s) leased (CUDA_DEVICE_ORDER=PCI_BUS_ID CUDA_VISIBLE_DEVICES=0); "
            + "stand-in sleep: 0.0 TFLOP/s over 2.0 s; it saw [" + GPU0 + "] = the lease; telemetry ")
        .contains("util peak 97 %, memory peak 74213 MiB, power peak 688.4 W");
  }

  @Test
  void shouldFailWhenTheWorkloadSawOtherDevicesThanTheLease() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    new FakeTools(bin).tool("nvidia-smi");

    String out = run(bin.toString(), workload("GPU-someone-elses"), 1);

    assertThat(out).contains("lease-check FAILED").contains("NOT the lease [" + GPU0 + "]")
        .contains("the workload did not see exactly the leased devices");
  }

  @Test
  void shouldStartTheWorkloadWithTheLeasesVariablesAndNoneOfTheRuntimesSecrets() throws Exception {
    Lease lease = new Lease("lease-1", "nvidia", AcceleratorKind.NVIDIA_GPU, "lease-check",
        List.of(new Device("GPU-3", 3, AcceleratorKind.NVIDIA_GPU, "H100", 80L << 30, "3", false)),
        Map.of("CUDA_VISIBLE_DEVICES", "3"), Instant.EPOCH);

    Process workload = LeaseCheck.start(List.of("env"), lease);
    String seen = new String(workload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // NIGHTSHIFT_TEST_SECRET_API_KEY is in the test JVM's environment (the parent pom's Surefire), as a model key is
    assertThat(System.getenv("NIGHTSHIFT_TEST_SECRET_API_KEY")).isNotNull();
    assertThat(workload.waitFor()).isZero();
    assertThat(seen.lines().toList()).contains("CUDA_VISIBLE_DEVICES=3", "PATH=" + System.getenv("PATH"));
    assertThat(seen).doesNotContain("NIGHTSHIFT_TEST_SECRET_API_KEY");
  }

  @Test
  void shouldFailSayingWhyWhenThereIsNoPoolOfTheType() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("nodriver"));
    new FakeTools(bin).install("nvidia-smi-no-driver", "nvidia-smi");

    String out = run(bin.toString(), List.of("true"), 1);

    assertThat(out).startsWith("lease-check FAILED: no nvidia pool on this machine; no pool nvidia: ")
        .contains("couldn't communicate with the NVIDIA driver");
  }
}
