package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Task;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.runtime.temporal.codec.PayloadKeyFile;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.TimelineEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.IssuedToken;
import io.nightshift.runtime.auth.TokenStore;
import org.openqa.selenium.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workflow UI in a real headless Chromium against a real runtime on the Temporal dev server: the login through
 * the one-time link the runtime printed, the task list, a task's live view (server-sent events) with its step
 * graph, pause / resume / approve from the page with the API's refusals shown with the field they name, step
 * outputs downloaded from the page, an HTML report shown in a sandboxed frame, and the login page with a pasted
 * token, whose role the page shows, and logout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowUiIT {
  private static final String GATED = """
      name: gated
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
        - {name: publish, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
      """;

  private final Path dataDir = ItData.newDir(getClass());
  private RuntimeProcess runtime;
  private ApiClient api;
  private ChromeDriver browser;
  private ScriptedOpenAiServer model;
  private String ui;

  @BeforeAll
  void start() throws Exception {
    // a scripted OpenAI-compatible endpoint on a real socket: one tool call, then an answer
    model = ScriptedOpenAiServer.start("smollm2");
    model.enqueue(ScriptedReply.toolCall("table__describe", "{\"input\":\"not-an-artifact\"}"),
        ScriptedReply.text("The table has 38 drugs; the <b>tool</b> refused my input."));
    Files.createDirectories(dataDir);
    Path models = dataDir.resolve("models.yaml");
    Files.writeString(models, """
        endpoints:
          - {id: chemist, base_url: "%s", model: smollm2, max_concurrency: 2}
        """.formatted(model.baseUrl()));
    runtime = new RuntimeProcess(dataDir.resolve("runtime"), "DEV")
        .withArgs(List.of("--models", models.toString())).start();
    api = new ApiClient(runtime.channel());
    ui = "http://127.0.0.1:" + runtime.workflowUiPort;
    browser = Browser.start();
    logInWithTheStartUpLink();
  }

  /** As the one who started the runtime: the link it printed, which opens the task list as the runtime's admin. */
  private void logInWithTheStartUpLink() throws Exception {
    browser.get(runtime.startUpLoginLink());
    await(() -> browser.getCurrentUrl().equals(ui + "/") && !browser.findElements(By.id("tasks")).isEmpty());
    await(() -> browser.findElement(By.id("who")).getText().contains("admin"));
    assertThat(browser.findElement(By.id("who")).getText()).contains("tenant default").contains("login link");
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void shouldListTasksAndFollowOneLiveThroughPauseResumeAndApprovalFromThePage() throws Exception {
    String done = api.submitNamed("sample", Map.of());
    api.awaitTask(done, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));
    String gated = api.submitYaml(GATED, Map.of());
    api.awaitTask(gated, t -> t.getState() == TaskState.TASK_STATE_AWAITING_APPROVAL, Duration.ofMinutes(2));

    browser.get(ui + "/");
    await(() -> !browser.findElements(By.cssSelector("tr[data-task='" + gated + "']")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("tr[data-task='" + done + "'] .state")).getText())
        .isEqualTo("SUCCEEDED");

    browser.findElement(By.linkText(gated)).click();
    await(() -> !browser.findElements(By.cssSelector("[data-awaiting='publish']")).isEmpty());
    assertThat(stepState("load")).isEqualTo("SUCCEEDED");
    assertThat(stepState("publish")).isEqualTo("AWAITING_APPROVAL");
    // the step graph: one node per step coloured by state, one edge for publish's need of load
    assertThat(browser.findElement(By.cssSelector("#dag g[data-node='publish']")).getAttribute("class"))
        .contains("AWAITING_APPROVAL");
    assertThat(browser.findElements(By.cssSelector("#dag .edge"))).hasSize(1);

    // pause and resume from the page: the view follows the API's state without a reload
    browser.findElement(By.id("pause")).click();
    await(() -> taskState().equals("PAUSED"));
    assertThat(api.get(gated).getState()).isEqualTo(TaskState.TASK_STATE_PAUSED);
    browser.findElement(By.id("resume")).click();
    await(() -> taskState().equals("AWAITING_APPROVAL"));

    // a bad decision is refused by the API and the page says which field was wrong; nothing is decided
    browser.findElement(By.id("cost-publish")).sendKeys("-1");
    browser.findElement(By.id("approve-publish")).click();
    // the notice may still show the resume's answer: wait for the approval's own
    await(() -> browser.findElement(By.id("notice")).isDisplayed()
        && !browser.findElement(By.id("notice")).getText().startsWith("resume sent"));
    assertThat(browser.findElement(By.id("notice")).getText()).contains("INVALID_ARGUMENT").contains("max_cost");
    assertThat(api.get(gated).getDecisionsCount()).isZero();

    browser.findElement(By.id("cost-publish")).clear();
    browser.findElement(By.id("comment-publish")).sendKeys("numbers look right");
    browser.findElement(By.id("approve-publish")).click();
    await(() -> taskState().equals("SUCCEEDED"));
    assertThat(stepState("publish")).isEqualTo("SUCCEEDED");
    assertThat(browser.findElement(By.cssSelector("#dag g[data-node='publish']")).getAttribute("class"))
        .contains("SUCCEEDED");
    assertThat(browser.findElement(By.id("decisions")).getText()).contains("approved").contains("numbers look right");
    Task after = api.get(gated);
    // the timeline the event stream brought is the task's own, entry for entry; a step's time from its record
    await(() -> browser.findElements(By.cssSelector("#timeline li")).size() == after.getTimelineCount());
    assertThat(browser.findElements(By.cssSelector("#timeline li")))
        .extracting(li -> Long.parseLong(li.getAttribute("data-sequence")))
        .containsExactlyElementsOf(after.getTimelineList().stream().map(TimelineEvent::getSequence).toList());
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("paused").contains("resumed")
        .contains("decision publish: approved by ui: numbers look right");
    assertThat(browser.findElement(By.cssSelector("td[data-time='load']")).getText())
        .matches("\\d+s|\\d+m \\d+s");
    assertThat(after.getDecisions(0).getBy()).isEqualTo("ui");
    assertThat(after.getDecisions(0).getComment()).isEqualTo("numbers look right");
    assertThat(browser.findElement(By.id("pause")).isEnabled()).as("an ended task cannot be paused").isFalse();

    // the step's output downloads from its link: the artifact with its reference's media type, never opened here
    WebElement link = browser.findElement(By.cssSelector("tr[data-step='load'] a"));
    assertThat(link.getAttribute("download")).isNotNull();
    String href = link.getAttribute("href");
    Cookie session = browser.manage().getCookieNamed("nightshift-ui-" + runtime.workflowUiPort);
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .header("Cookie", session.getName() + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment;"));
    assertThat(csv.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
    assertThat(csv.body()).startsWith(api.readArtifact(gated, after.getSteps(0).getOutput().getDigest()).lines()
        .findFirst()
        .orElseThrow());
  }

  @Test
  void shouldShowWhatAnAgentStepSaidAndTheToolCallsItMade() throws Exception {
    String id = api.submitYaml("""
        name: chat
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - name: analyst
            kind: agent
            needs: [load]
            model: chemist
            instructions: "You are brief."
            prompt: "Describe ${steps.load.output}"
            tools: [table.describe]
            max_turns: 4
        """, Map.of());
    api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));

    browser.get(ui + "/#/tasks/" + id);
    await(() -> !browser.findElements(By.cssSelector("tr[data-step='analyst'] a.conversation")).isEmpty());
    browser.findElement(By.cssSelector("tr[data-step='analyst'] a.conversation")).click();
    await(() -> browser.findElements(By.cssSelector("#messages .message")).size() == 5);
    assertThat(browser.findElements(By.cssSelector("#messages .message"))).extracting(e -> e.getAttribute("data-role"))
        .containsExactly("SYSTEM", "USER", "ASSISTANT", "TOOL", "ASSISTANT");
    assertThat(browser.findElement(By.cssSelector(".message.ASSISTANT .call")).getText())
        .contains("table.describe").contains("not-an-artifact");
    assertThat(browser.findElement(By.cssSelector(".message.TOOL")).getText()).contains("table.describe")
        .contains("error:");
    // the model's words are shown as text, never read as HTML
    assertThat(browser.findElements(By.cssSelector("#messages b"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".message.ASSISTANT pre")).get(0).getText())
        .isEqualTo("The table has 38 drugs; the <b>tool</b> refused my input.");
    assertThat(browser.findElement(By.id("agent-meta")).getText()).contains("ended").contains("ANSWERED")
        .contains("1 tool calls");
    // each answer says what its call used: the prompt against the window, with a bar of it, and the server's counts
    List<WebElement> uses = browser.findElements(By.cssSelector(".message.ASSISTANT .use"));
    assertThat(uses).hasSize(2);
    assertThat(uses.get(0).getText()).matches("prompt [0-9,]+ of [0-9,]+ tokens \\([0-9]+ %\\); served by chemist: "
        + "20 in \\+ 8 out");
    assertThat(uses.get(1).getText()).endsWith("served by chemist: 10 in + 5 out");
    WebElement bar = uses.get(0).findElement(By.tagName("meter"));
    assertThat(Integer.parseInt(bar.getAttribute("value"))).isPositive()
        .isLessThan(Integer.parseInt(bar.getAttribute("max")));

    // the same conversation in the CLI, and its refusal of a step that is no agent
    JavaCli.Run cli = JavaCli.run(runtime, "conversation", id, "--step", "analyst");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.output()).contains("ended ANSWERED").contains("-> calls table.describe")
        .contains("[tool result: table.describe]").contains("The table has 38 drugs")
        .containsPattern("\\[assistant\\] prompt [0-9,]+ of [0-9,]+ tokens .*; served by chemist: 20 in \\+ 8 out");
    JavaCli.Run refused = JavaCli.run(runtime, "conversation", id, "--step", "load");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output()).contains("NOT_FOUND").contains("no agent step 'load'");
  }

  @Test
  void shouldShowAnHtmlReportInASandboxedFrameWhereItsScriptsNeverRun() throws Exception {
    // a report as a tool would store it, with a script a model could have written into it
    // (the script comes first: once the paragraph after it shows, the script has run or been refused)
    // (sealed with the runtime's own key file, as the runtime stores everything)
    FileArtifactStore store = new FileArtifactStore(runtime.dataDir.resolve("artifacts"),
        PayloadKeyFile.read(runtime.dataDir.resolve("keys/payload-keys")));
    ArtifactRef report = store.put(("<html><body>"
        + "<script>document.body.append(Object.assign(document.createElement('p'), {id: 'ran'}));"
        + "fetch('/api/tasks/x/cancel', {method: 'POST', headers: {'Content-Type': 'application/json'}});</script>"
        + "<p id='finding' style='color: rgb(200, 0, 0)'>38 drugs screened</p>"
        + "</body></html>").getBytes(StandardCharsets.UTF_8), "text/html");
    // a task's output, as the API serves artifacts only as one of a task's: a step that opens it by its URI
    String task = api.submitYaml("name: shows-report\nsteps:\n  - {name: open, tool: artifact.read, params: {uri: \""
        + report.uri() + "\"}}\n", Map.of());
    api.awaitTask(task, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(1));

    browser.get(ui + "/#/artifacts/" + report.digest() + "?task=" + task + "&type=text%2Fhtml");
    await(() -> !browser.findElements(By.id("report")).isEmpty());
    WebElement frame = browser.findElement(By.id("report"));
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    assertThat(browser.findElement(By.id("download")).getAttribute("href")).contains("type=text%2Fhtml");
    browser.switchTo().frame(frame);
    try {
      await(() -> !browser.findElements(By.id("finding")).isEmpty());
      assertThat(browser.findElement(By.id("finding")).getText()).isEqualTo("38 drugs screened");
      assertThat(browser.findElement(By.id("finding")).getCssValue("color")).as("the report keeps its own style")
          .isEqualTo("rgba(200, 0, 0, 1)");
      assertThat(browser.findElements(By.id("ran"))).as("its script never ran").isEmpty();
    } finally {
      browser.switchTo().defaultContent();
    }
  }

  @Test
  void shouldShowTheApisRefusalForAnUnknownTask() {
    browser.get(ui + "/#/tasks/no-such-task");
    await(() -> !browser.findElements(By.id("task-error")).isEmpty());
    assertThat(browser.findElement(By.id("task-error")).getText()).contains("NOT_FOUND")
        .contains("no task with id 'no-such-task'");
  }

  @Test
  void shouldLogInWithAPastedTokenShowItsRoleAndTenantAndLogOut() throws Exception {
    IssuedToken viewer = new TokenStore(runtime.dataDir.resolve("auth/tokens"), Clock.systemUTC())
        .create("lab", AccessRole.VIEWER, Optional.empty());
    ChromeDriver other = Browser.start(); // a browser of its own, so this one stays logged in for the other tests
    try {
      other.get(ui + "/#/tasks/no-such-task");
      await(other, () -> other.getCurrentUrl().startsWith(ui + "/login") && other.findElement(By.id("token"))
          .isDisplayed());

      other.findElement(By.id("token")).sendKeys(viewer.bearer().replace('_', '-'));
      other.findElement(By.id("login-button")).click();
      await(other, () -> other.findElement(By.id("notice")).isDisplayed());
      assertThat(other.findElement(By.id("notice")).getText()).contains("UNAUTHENTICATED").contains("not accepted");

      other.findElement(By.id("token")).clear();
      other.findElement(By.id("token")).sendKeys(viewer.bearer());
      other.findElement(By.id("login-button")).click();
      // back to the task it was sent from, shown with the viewer's rights
      await(other, () -> !other.findElements(By.id("task-error")).isEmpty());
      assertThat(other.getCurrentUrl()).isEqualTo(ui + "/#/tasks/no-such-task");
      await(other, () -> other.findElement(By.id("who")).getText().contains("viewer"));
      assertThat(other.findElement(By.id("who")).getText()).contains("tenant lab");
      assertThat(other.manage().getCookieNamed("nightshift-ui-" + runtime.workflowUiPort).isHttpOnly()).isTrue();

      other.findElement(By.id("logout")).click();
      await(other, () -> other.getCurrentUrl().startsWith(ui + "/login")
          && other.findElement(By.id("token")).isDisplayed());
      other.get(ui + "/");
      await(other, () -> other.getCurrentUrl().startsWith(ui + "/login"));
    } finally {
      other.quit();
    }
  }

  private String taskState() {
    return browser.findElement(By.cssSelector("#view > div .state")).getText();
  }

  private String stepState(String step) {
    WebElement row = browser.findElement(By.cssSelector("tr[data-step='" + step + "']"));
    return row.getAttribute("data-state");
  }

  /** Waits for the page to show something; on a timeout the failure carries what the page showed instead. */
  private void await(BooleanSupplier condition) {
    await(browser, condition);
  }

  private static void await(ChromeDriver browser, BooleanSupplier condition) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .ignoring(StaleElementReferenceException.class)
          .ignoring(NoSuchElementException.class)
          .until(d -> condition.getAsBoolean());
    } catch (TimeoutException e) {
      throw new AssertionError("the page never showed what was expected; it showed:\n"
          + browser.findElement(By.tagName("body")).getText() + "\nbrowser log: "
          + browser.manage().logs().get("browser").getAll(), e);
    }
  }
}
