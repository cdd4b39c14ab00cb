package io.nightshift.accelerators.nvidia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiParserTest {
  @Test
  void shouldReadEveryQueriedFieldInMiBAndWatts() {
    List<GpuReading> gpus = NvidiaSmiParser.parse(
        "0, GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01, NVIDIA H100 80GB HBM3, 81559, 74213, 97, 688.41, 700.00, 61\n");

    GpuReading g = gpus.get(0);
    assertThat(g.index()).isZero();
    assertThat(g.uuid()).isEqualTo("GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01");
    assertThat(g.name()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(g.memoryTotalMiB()).isEqualTo(81559);
    assertThat(g.memoryUsedMiB()).isEqualTo(74213);
    assertThat(g.utilizationGpu()).hasValue(97);
    assertThat(g.powerDraw()).hasValue(688.41);
    assertThat(g.powerLimit()).hasValue(700);
    assertThat(g.temperature()).hasValue(61);
  }

  @Test
  void shouldLeaveReadingsTheBoardDoesNotSupportEmpty() {
    GpuReading g = NvidiaSmiParser.parse(
        "1, GPU-aa, NVIDIA A10G, 23028, 0, [N/A], [Not Supported], [N/A], 28").get(0);

    assertThat(g.utilizationGpu()).isEmpty();
    assertThat(g.powerDraw()).isEmpty();
    assertThat(g.temperature()).hasValue(28);
  }

  @Test
  void shouldKeepACommaInsideTheProductName() {
    GpuReading g = NvidiaSmiParser.parse("0, GPU-bb, Tesla V100-SXM2-16GB, rev 2, 16160, 0, 0, 40.1, 300.00, 35").get(0);

    assertThat(g.name()).isEqualTo("Tesla V100-SXM2-16GB, rev 2");
    assertThat(g.memoryTotalMiB()).isEqualTo(16160);
  }

  @Test
  void shouldNameTheLineWhenOutputIsNotTheQueriedCsv() {
    assertThatThrownBy(() -> NvidiaSmiParser.parse("0, GPU-aa, A100\n"))
        .hasMessageContaining("line 1 has 3 fields, expected 9");
    assertThatThrownBy(() -> NvidiaSmiParser.parse("0, GPU-aa, A100, lots, 0, 0, 0, 0, 0"))
        .hasMessageContaining("non-numeric index or memory");
  }
}
