package io.nightshift.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.process.ToolEnvironment;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.tools.BuiltinTools;
import io.nightshift.tools.registry.ToolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools of a real MCP server (the official Python SDK over stdio) in the Nightshift tool registry. */
class McpToolSourceTest {
  /** Both are in the test JVM's environment (the parent pom's Surefire configuration), as a key is in the runtime's. */
  private static final String SECRET = "NIGHTSHIFT_TEST_SECRET_API_KEY";
  private static final String PASSED = "NIGHTSHIFT_TEST_PASSED_THROUGH";

  @TempDir Path dir;
  private McpToolSource source;
  private ToolRegistry registry;
  private ArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    source = McpToolSource.of(List.of(new McpServerConfig("calc", McpPython.calcServerCommand(dir),
        Map.of("CALC_MODE", "test"), Set.of(PASSED), null, Duration.ofSeconds(20))));
    registry = ToolRegistry.of(List.of(new BuiltinTools(), source));
  }

  @AfterEach
  void tearDown() {
    source.close();
  }

  @Test
  void shouldListTheServersToolsWithTheirSchemasBesideTheBuiltinOnes() {
    assertThat(registry.all()).extracting(ToolDescriptor::name)
        .contains("table.describe", "mcp.calc.add", "mcp.calc.divide", "mcp.calc.overloaded", "mcp.calc.crash",
            "mcp.calc.whoami", "mcp.calc.environment");
    ToolDescriptor add = registry.describe("mcp.calc.add").orElseThrow();
    assertThat(add.description()).isEqualTo("[MCP server calc] Adds two whole numbers and returns the sum.");
    assertThat(add.params()).extracting(ToolParam::name, ToolParam::required, ToolParam::description)
        .containsExactlyInAnyOrder(Tuple.tuple("a", true, "a (integer)"),
            Tuple.tuple("b", true, "b (integer)"));
    assertThat(registry.describe("mcp.calc.divide").orElseThrow().params()).extracting(ToolParam::description)
        .containsExactlyInAnyOrder("numerator (number)", "denominator (number)");
  }

  @Test
  void shouldCallAToolWithTypedArgumentsAndStoreItsAnswer() throws Exception {
    ToolOutput out = call("mcp.calc.add", Map.of("a", "40", "b", "2"));

    assertThat(out.summary()).isEqualTo("42");
    assertThat(new String(store.read(out.artifact()), StandardCharsets.UTF_8)).isEqualTo("42");
    assertThat(call("mcp.calc.divide", Map.of("numerator", "7", "denominator", "2")).summary()).isEqualTo("3.5");
  }

  @Test
  void shouldFailPermanentlyWhenTheToolReportsAnErrorOrTheArgumentsCannotWork() {
    ToolException raised = catchThrowableOfType(ToolException.class,
        () -> call("mcp.calc.divide", Map.of("numerator", "1", "denominator", "0")));
    assertThat(raised.retryable()).as(raised.getMessage()).isFalse();
    assertThat(raised).hasMessageContaining("MCP tool divide of server 'calc' failed")
        .hasMessageContaining("cannot divide 1.0 by zero");

    ToolException notANumber = catchThrowableOfType(ToolException.class,
        () -> call("mcp.calc.add", Map.of("a", "one", "b", "2")));
    assertThat(notANumber.retryable()).isFalse();
    assertThat(notANumber).hasMessage("parameter 'a' must be a integer, was 'one'");
  }

  @Test
  void shouldFailRetryablyOnAProtocolErrorOrAServerThatDiesDuringTheCall() throws Exception {
    ToolException overloaded = catchThrowableOfType(ToolException.class,
        () -> call("mcp.calc.overloaded", Map.of()));
    assertThat(overloaded.retryable()).isTrue();
    assertThat(overloaded).hasMessageContaining("-32603").hasMessageContaining("overloaded");

    long before = source.pid("calc");
    ToolException crashed = catchThrowableOfType(ToolException.class, () -> call("mcp.calc.crash", Map.of()));
    assertThat(crashed.retryable()).isTrue();
    assertThat(crashed).hasMessageContaining("calc");
    // the retry (here: the next call) runs on a fresh process
    assertThat(call("mcp.calc.add", Map.of("a", "1", "b", "1")).summary()).isEqualTo("2");
    assertThat(source.pid("calc")).isNotEqualTo(before).isPositive();
  }

  @Test
  void shouldStartAKilledServerAgainOnTheNextCall() throws Exception {
    long first = Long.parseLong(call("mcp.calc.whoami", Map.of()).summary());
    assertThat(first).isEqualTo(source.pid("calc"));

    ProcessHandle handle = ProcessHandle.of(first).orElseThrow();
    handle.destroyForcibly();
    handle.onExit().get(10, TimeUnit.SECONDS);

    long second = Long.parseLong(call("mcp.calc.whoami", Map.of()).summary());
    assertThat(second).isNotEqualTo(first);
    assertThat(source.starts("calc")).isEqualTo(2);
  }

  @Test
  void shouldStartTheServerWithWhatItDeclaresAndNoneOfTheRuntimesSecrets() throws Exception {
    assertThat(System.getenv()).as("set by the parent pom's Surefire").containsKeys(SECRET, PASSED);

    ToolOutput answer = call("mcp.calc.environment", Map.of());
    Map<String, String> seen = new ObjectMapper().readValue(store.read(answer.artifact()),
        new TypeReference<Map<String, String>>() {});

    assertThat(seen).doesNotContainKey(SECRET);
    assertThat(seen).containsEntry("CALC_MODE", "test").containsEntry(PASSED, System.getenv(PASSED));
    assertThat(seen).containsEntry("PATH", System.getenv("PATH"));
    // Python adds LC_CTYPE when it coerces the C locale; nothing else beyond what was given
    assertThat(seen.keySet()).isSubsetOf(union(ToolEnvironment.BASE, Set.of("CALC_MODE", PASSED)));
  }

  @Test
  void shouldStopTheServerProcessOnClose() throws Exception {
    ProcessHandle handle = ProcessHandle.of(source.pid("calc")).orElseThrow();
    source.close();
    handle.onExit().get(10, TimeUnit.SECONDS);
    assertThat(handle.isAlive()).isFalse();
    assertThatThrownBy(() -> call("mcp.calc.add", Map.of("a", "1", "b", "1"))).hasMessageContaining("shut down");
  }

  @Test
  void shouldFailTheStartNamingAServerThatCannotRun() {
    McpToolSource broken = McpToolSource.of(List.of(McpServerConfig.of("nope",
        List.of(dir.resolve("no-such-program").toString()), Map.of())));
    assertThatThrownBy(() -> ToolRegistry.of(List.of(broken))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MCP server 'nope'").hasMessageContaining("no-such-program");
    broken.close();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private ToolOutput call(String name, Map<String, String> args) {
    Tool tool = registry.find(name).orElseThrow();
    return tool.execute(new ToolContext() {
      @Override
      public ArtifactStore artifacts() {
        return store;
      }

      @Override
      public String idempotencyKey() {
        return "test/" + name;
      }

      @Override
      public Path workDir() {
        return dir;
      }

      @Override
      public void heartbeat(String progress) {}
    }, new ToolArguments(args));
  }
}
