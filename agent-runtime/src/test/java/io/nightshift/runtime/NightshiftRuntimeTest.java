package io.nightshift.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.lifecycle.Closer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightshiftRuntimeTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseARoleWithoutAPartBeforeStartingAnything() {
    Path data = dir.resolve("data");

    assertThatThrownBy(() -> NightshiftRuntime.start(RuntimeConfig.defaults(data), EnumSet.of(Role.WORKER,
        Role.API), List.of(new Noop(Role.WORKER))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the API role needs exactly one part, found 0")
        .hasMessageContaining("WORKER (" + Noop.class.getName() + ")");
    assertThat(Files.exists(data)).as("nothing started, not even the data directory").isFalse();
  }

  @Test
  void shouldRefuseTwoPartsForOneRole() {
    assertThatThrownBy(() -> NightshiftRuntime.start(RuntimeConfig.defaults(dir), EnumSet.of(Role.WORKER),
        List.of(new Noop(Role.WORKER), new Noop(Role.WORKER))))
        .hasMessageContaining("the WORKER role needs exactly one part, found 2");
  }

  private record Noop(Role role) implements RolePart {
    @Override
    public void start(RoleContext context, Closer closer) {}
  }
}
