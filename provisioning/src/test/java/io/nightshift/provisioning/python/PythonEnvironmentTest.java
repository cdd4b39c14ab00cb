package io.nightshift.provisioning.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an environment installs, reuses and rebuilds, with a stand-in python (the real pip runs in the ITs). */
class PythonEnvironmentTest {
  @TempDir Path dir;
  private FakePython python;
  private PythonEnvironment env;
  private final List<Requirements> lock = List.of(new Requirements("one", "a==1 \\\n    --hash=sha256:00\n"));

  @BeforeEach
  void setUp() throws IOException {
    python = new FakePython(dir.resolve("base"));
    env = PythonEnvironment.builder(dir.resolve("venv")).basePython(python.command()).build();
  }

  @Test
  void shouldInstallOnlyWithHashCheckingFromTheRequirementsItWasGiven() throws IOException {
    Path installed = env.ensure(lock, List.of("-c", "import a"));

    assertThat(installed).isEqualTo(env.python());
    assertThat(python.journal()).hasSize(3);
    assertThat(python.journal().get(1)).contains("-m pip install").contains("--require-hashes")
        .contains("-r " + env.dir().resolve("nightshift-requirements/one.txt"));
    assertThat(python.journal().get(2)).isEqualTo("-c import a");
    assertThat(env.dir().resolve("nightshift-requirements/one.txt")).hasContent(lock.get(0).text());
    assertThat(env.isCurrent(lock)).isTrue();
  }

  @Test
  void shouldReuseACurrentEnvironmentWithoutRunningPipAgain() throws IOException {
    env.ensure(lock, List.of());
    int before = python.journal().size();

    env.ensure(lock, List.of());

    assertThat(python.journal()).hasSize(before);
  }

  @Test
  void shouldRebuildWhenTheLockChanges() throws IOException {
    env.ensure(lock, List.of());
    Files.writeString(env.dir().resolve("stale-file"), "from the old install");
    List<Requirements> newer = List.of(new Requirements("one", "a==2 \\\n    --hash=sha256:11\n"));

    env.ensure(newer, List.of());

    assertThat(env.isCurrent(newer)).isTrue();
    assertThat(env.isCurrent(lock)).isFalse();
    assertThat(env.dir().resolve("stale-file")).doesNotExist();
    assertThat(python.journal()).filteredOn(l -> l.startsWith("venv ")).hasSize(2);
  }

  @Test
  void shouldLeaveNoReadyMarkerWhenPipFailsAndQuoteItsLog() throws IOException {
    // a python whose venvs hold a pip that fails as pip does when a pinned file is not on the index
    Path failingPip = FakePython.script(dir.resolve("failing-pip"), "echo 'no matching distribution'\nexit 1\n");
    Path base = FakePython.script(dir.resolve("python-with-failing-pip"),
        "mkdir -p \"$3/bin\" && cp " + failingPip + " \"$3/bin/python\"\n");
    PythonEnvironment broken = PythonEnvironment.builder(dir.resolve("broken")).basePython(base.toString()).build();

    assertThatThrownBy(() -> broken.ensure(lock, List.of()))
        .isInstanceOf(ProvisioningException.class)
        .hasMessageContaining("exit code 1")
        .hasMessageContaining("no matching distribution");
    assertThat(broken.isCurrent(lock)).isFalse();
  }

  @Test
  void shouldNameTheInterpreterItCouldNotRun() {
    PythonEnvironment missing = PythonEnvironment.builder(dir.resolve("x")).basePython("/nonexistent/python").build();

    assertThatThrownBy(() -> missing.ensure(lock, List.of()))
        .isInstanceOf(ProvisioningException.class)
        .hasMessageContaining("cannot run /nonexistent/python");
  }

  @Test
  void shouldShipEveryLockPinnedWithHashes() {
    for (PythonLock l : PythonLock.values()) {
      String text = l.requirements().text();
      List<String> entries = text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")
          && !line.startsWith(" ")).toList();
      assertThat(entries).as(l.fileName()).isNotEmpty()
          .allSatisfy(e -> assertThat(e).as(l.fileName()).containsPattern("^[a-z0-9._-]+==[^ ]+ .*\\\\$"));
      assertThat(text).as(l.fileName()).contains("--hash=sha256:");
    }
    assertThat(PythonLock.LLAMA_CPP_SERVER.requirements().text()).doesNotContain("llama-cpp-python==")
        .contains("uvicorn==").contains("fastapi==").contains("starlette==");
    assertThat(PythonLock.LLAMA_CPP_PYTHON.requirements().text()).contains("llama-cpp-python==0.3.36");
  }
}
