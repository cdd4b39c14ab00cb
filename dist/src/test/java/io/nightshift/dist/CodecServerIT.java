package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.TokenStore;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.TemporalBinary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Temporal's own CLI reads a task's history through the runtime's codec server: with an admin token it shows the
 * goal a marker was put in, decrypted; without the codec it shows only sealed payloads; with a viewer's token the
 * codec server answers 403 and the CLI fails rather than show anything. Each decode is in the audit log. And
 * Temporal's Web UI, in a real headless Chromium, shows the task's input decrypted once the browser signed in to the
 * codec server with the admin token, and sealed before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedDevRuntime.class)
class CodecServerIT {
  private final String marker = "codec_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  private RuntimeProcess runtime;
  private String endpoint;
  private String id;
  private String admin;

  @BeforeAll
  void start(RuntimeProcess shared) throws Exception {
    runtime = shared;
    endpoint = "http://127.0.0.1:" + runtime.argument("--codec-port").orElseThrow();
    id = new ApiClient(runtime.channel()).tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(
        TaskSpec.newBuilder().setGoal("find " + marker).setPipelineYaml("""
            name: codec
            steps:
              - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
            """)).build()).getTaskId();
    admin = Files.readString(runtime.dataDir.resolve("auth/admin-token")).strip();
  }

  @Test
  void shouldShowTheHistoryDecryptedToTheTemporalCliOfAnAdminOnly() throws Exception {
    String viewer = new TokenStore(RuntimeConfig.defaults(runtime.dataDir).tokenStoreFile(), Clock.systemUTC())
        .create("default", AccessRole.VIEWER, Optional.empty()).bearer();

    Shown sealed = show(runtime, id);
    assertThat(sealed.exitCode()).as(sealed.errors()).isZero();
    assertThat(sealed.output()).contains("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
    assertThat(sealed.payloadData()).isNotEmpty().noneMatch(data -> data.contains(marker));

    Shown decoded = show(runtime, id, "--codec-endpoint", endpoint, "--codec-auth", "Bearer " + admin);
    assertThat(decoded.exitCode()).as(decoded.errors()).isZero();
    assertThat(decoded.payloadData()).anyMatch(data -> data.contains("find " + marker));

    // the CLI retries a refused decode until its command times out, then fails showing nothing
    Shown refused = show(runtime, id, "--codec-endpoint", endpoint, "--codec-auth", "Bearer " + viewer,
        "--command-timeout", "4s");
    assertThat(refused.exitCode()).as(refused.output()).isNotZero();
    assertThat(refused.output() + refused.errors()).doesNotContain(marker);

    // what the codec server answered, as its audit log says: the admin's decodes served, the viewer's refused
    List<JsonNode> decodes = new ArrayList<>();
    for (String line : Files.readAllLines(runtime.dataDir.resolve("audit/audit.log"))) {
      JsonNode record = new ObjectMapper().readTree(line);
      if (record.at("/action").asText().equals("decode")) {
        decodes.add(record);
      }
    }
    assertThat(decodes).anySatisfy(r -> {
      assertThat(r.at("/actor/role").asText()).isEqualTo("admin");
      assertThat(r.at("/outcome/result").asText()).isEqualTo("ok");
    }).anySatisfy(r -> {
      assertThat(r.at("/actor/role").asText()).isEqualTo("viewer");
      assertThat(r.at("/outcome/code").asText()).isEqualTo("PERMISSION_DENIED");
    });
    assertThat(Files.readString(runtime.dataDir.resolve("audit/audit.log"))).doesNotContain(marker);
  }

  @Test
  void shouldShowTheInputDecryptedInTemporalsWebUiToABrowserSignedInAsAdmin() throws Exception {
    String webUi = "http://127.0.0.1:" + runtime.uiPort;
    ChromeDriver browser = Browser.start();
    try {
      // Temporal's Web UI, not signed in to the codec server: its requests carry no credentials and are refused
      browser.get(webUi + "/namespaces/default/workflows");
      browser.executeScript("localStorage.setItem('endpoint', JSON.stringify(arguments[0]));"
          + "localStorage.setItem('overrideRemoteCodecConfiguration', 'true');"
          + "localStorage.setItem('includeCredentials', 'true');", endpoint);
      browser.get(webUi + "/namespaces/default/workflows/" + id);
      awaitText(browser, "TaskWorkflow");
      assertThat(browser.getPageSource()).doesNotContain(marker);

      browser.get(endpoint + "/login");
      browser.findElement(By.name("token")).sendKeys(admin);
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      awaitText(browser, "Signed in as token:");

      browser.get(webUi + "/namespaces/default/workflows/" + id);
      awaitText(browser, "find " + marker);
    } finally {
      browser.quit();
    }
  }

  private static void awaitText(ChromeDriver browser, String text) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getPageSource().contains(text));
    } catch (TimeoutException e) {
      throw new AssertionError("page " + browser.getCurrentUrl() + " did not show '" + text + "' within 20 s:\n"
          + browser.findElement(By.tagName("body")).getText(), e);
    }
  }

  /** What {@code temporal workflow show --output json} printed, on stdout and on stderr, and its exit code. */
  private record Shown(int exitCode, String output, String errors) {
    /** Every payload's data in the history, base64 as the CLI prints it, decoded to text. */
    List<String> payloadData() throws IOException {
      List<String> data = new ArrayList<>();
      collect(new ObjectMapper().readTree(output), data);
      return data;
    }

    private static void collect(JsonNode node, List<String> data) {
      node.fields().forEachRemaining(field -> {
        if (field.getKey().equals("data") && field.getValue().isTextual()) {
          data.add(new String(Base64.getDecoder().decode(field.getValue().asText()), StandardCharsets.ISO_8859_1));
        }
      });
      node.elements().forEachRemaining(child -> collect(child, data));
    }
  }

  private static Shown show(RuntimeProcess runtime, String workflowId, String... codec) throws Exception {
    Path temporal = TemporalBinary.locate(RuntimeProcess.TOOLS_CACHE).orElseThrow();
    List<String> cmd = new ArrayList<>(List.of(temporal.toString(), "workflow", "show", "--workflow-id", workflowId,
        "--address", "127.0.0.1:" + runtime.temporalPort, "--namespace", "default", "--output", "json"));
    cmd.addAll(List.of(codec));
    Path errors = Files.createTempFile(runtime.dataDir, "temporal-show", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("temporal workflow show did not end within 30 s");
    }
    return new Shown(p.exitValue(), out.toString(StandardCharsets.UTF_8), Files.readString(errors));
  }
}
