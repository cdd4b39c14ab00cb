package io.nightshift.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {
  @Test
  void shouldCloseInReverseOrderAndCloseTheRestWhenOneFails() {
    List<String> closed = new ArrayList<>();
    Closer closer = new Closer();
    closer.push(() -> closed.add("pools"));
    closer.push(() -> {
      closed.add("temporal");
      throw new IllegalStateException("already gone");
    });
    AutoCloseable api = closer.push(() -> closed.add("api"));

    closer.close();
    closer.close();

    assertThat(api).isNotNull();
    assertThat(closed).as("each once, last opened first").containsExactly("api", "temporal", "pools");
  }
}
