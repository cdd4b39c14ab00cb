package io.nightshift.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSampleTest {
  @Test
  void shouldReadTheWholeHeapsUsedFigureFromG1sHeapInfo() {
    String out = """
        12345:
         garbage-first heap   total 262144K, used 53718K [0x00000000e8000000, 0x0000000100000000)
          region size 1024K, 20 young (20480K), 3 survivors (3072K)
         Metaspace       used 61234K, committed 61888K, reserved 1114112K
        """;

    assertThat(HeapSample.usedKib(out)).hasValue(53718);
  }

  @Test
  void shouldSayNothingWhenTheProcessWasGone() {
    assertThat(HeapSample.usedKib("12345: com.sun.tools.attach.AttachNotSupportedException: no such process"))
        .isEmpty();
  }
}
