package io.nightshift.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightshift.core.artifact.FileArtifactStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedianIntervalTest {
  @TempDir
  Path dir;

  @Test
  void shouldGiveTheSampleMedianInsideItsBootstrapInterval() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));

    MedianInterval m = MedianInterval.of(List.of(1.31, 1.07, 0.88, 1.16, 1.15, 1.02, 1.25), store, dir);

    assertThat(m.median()).isCloseTo(1.15, within(1e-9));
    assertThat(m.lower()).isLessThan(m.median()).isGreaterThanOrEqualTo(0.88);
    assertThat(m.upper()).isGreaterThan(m.median()).isLessThanOrEqualTo(1.31);
    assertThat(m.n()).isEqualTo(7);
    assertThat(m.describe()).startsWith("1.150, 95% bootstrap interval");
  }

  @Test
  void shouldGiveAWiderIntervalForMoreScatteredRuns() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));

    MedianInterval tight = MedianInterval.of(List.of(1.09, 1.10, 1.10, 1.11, 1.10, 1.09, 1.11), store, dir);
    MedianInterval loose = MedianInterval.of(List.of(0.80, 1.40, 1.10, 0.90, 1.30, 1.00, 1.20), store, dir);

    assertThat(tight.upper() - tight.lower()).isLessThan(loose.upper() - loose.lower());
    assertThat(tight.upper()).isLessThanOrEqualTo(1.11);
  }

  @Test
  void shouldBeTheSameIntervalForTheSameFiguresSinceTheToolIsSeeded() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    List<Double> ratios = List.of(1.2, 1.0, 1.4, 0.9, 1.1, 1.3, 1.05);

    assertThat(MedianInterval.of(ratios, store, dir)).isEqualTo(MedianInterval.of(ratios, store, dir));
  }
}
