package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.api.v1.TimelineEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workflow UI's pages for people in a real headless Chromium against a real runtime (Temporal dev server, two
 * simulated pools): a pipeline pasted into the submit form runs to SUCCEEDED through an approval while its graph
 * follows it without a reload; the API's validation error shows next to the field it names; the 17-step demo's
 * graph fits a 1280x800 window and a cancel happens only after the dialog is confirmed (Escape keeps the task; the
 * dialog works by keyboard alone); the backends page shows
 * the pools; the list shows progress, tokens and cost and picks up a new task by itself, and pages through more
 * tasks than a small page holds, both ways, keeping its filters; a running map's items bar moves to its total as
 * held items are released; a fork form's error outlives the running task's redraws until its field is edited.
 * Each page is saved as a screenshot under target/screenshots (the README shows two of them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowUiPagesIT {
  /** A step placed on a simulated GPU, so the task has a cost, then a gate. */
  private static final String GATED = """
      name: gated-on-gpu
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
        - name: profile
          tool: table.describe
          needs: [load]
          requires: {kind: nvidia_gpu, units: 1}
          params: {input: "${steps.load.output}"}
        - {name: publish, tool: table.describe, params: {input: "${steps.profile.output}"}, approval: required}
      """;
  /** Two gates one after the other: each approval moves the running task on, and its view is drawn again. */
  private static final String TWO_GATES = """
      name: two-gates
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
        - {name: first, tool: table.describe, params: {input: "${steps.load.output}"}, approval: required}
        - {name: second, tool: table.describe, params: {input: "${steps.first.output}"}, approval: required}
      """;
  /** A map of three items, one a chunk, all at once, each held until the test releases it ({@link HeldItems}). */
  private static final String HELD_MAP = """
      name: held-map
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:ui/held-items.csv"}}
        - {name: each, kind: map, tool: test.held_item, over: "${steps.load.output}", item_param: input,
           chunk_size: 1, max_parallel: 3}
      """;
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Path dataDir = ItData.newDir(getClass());
  /** Where {@link HeldItems} looks for the map items a test released. */
  private final Path gate = dataDir.resolve("held-items");
  private RuntimeProcess runtime;
  private ApiClient api;
  private ChromeDriver browser;
  private String ui;

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(dataDir);
    Files.createDirectories(SCREENSHOTS);
    Path pools = Files.writeString(dataDir.resolve("pools.yaml"), """
        pools:
          - id: sim-h100
            type: simulated
            properties: {devices: 4, device-name: "simulated H100 80GB", price-per-unit-hour: 6.15}
          - id: sim-trn1
            type: simulated
            properties: {kind: NEURON_CORE, devices: 8, device-name: NeuronCore, price-per-unit-hour: 0.7}
        """);
    runtime = new RuntimeProcess(dataDir.resolve("runtime"), "DEV").withArgs(List.of("--backends", pools.toString()))
        .withEnvironment(Map.of(HeldItems.GATE_DIR, gate.toString())).start();
    api = new ApiClient(runtime.channel());
    ui = "http://127.0.0.1:" + runtime.workflowUiPort;
    browser = Browser.start();
    browser.get(runtime.startUpLoginLink());
    await(() -> !browser.findElements(By.id("tasks")).isEmpty());
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void shouldSubmitAPastedPipelineAndFollowItsGraphThroughAnApprovalToSucceededWithoutAReload() throws Exception {
    window(1280, 800);
    openSubmitWithPastedYaml(GATED);
    markThePage(); // from here on, a reload would lose the mark
    browser.findElement(By.id("goal")).sendKeys("profile the approved drugs, then publish");
    browser.findElement(By.id("submit-task")).click();

    String id = taskOpened();
    await(() -> !browser.findElements(By.cssSelector("[data-awaiting='publish']")).isEmpty());
    assertThat(node("profile")).contains("SUCCEEDED");
    assertThat(node("publish")).contains("AWAITING_APPROVAL");
    assertThat(browser.findElements(By.cssSelector("#dag .edge"))).hasSize(2);
    assertThat(api.get(id).getGoal()).isEqualTo("profile the approved drugs, then publish");

    browser.findElement(By.id("comment-publish")).sendKeys("looks right");
    browser.findElement(By.id("approve-publish")).click();
    await(() -> node("publish").contains("SUCCEEDED"));
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("SUCCEEDED"));
    assertThat(api.get(id).getDecisions(0).getComment()).isEqualTo("looks right");
    assertThat(browser.findElement(By.id("pools")).getText()).contains("sim-h100");
    assertThat(thePageWasNotReloaded()).isTrue();
    screenshot("task-view.png");
  }

  @Test
  void shouldShowTheApisValidationErrorNextToTheFieldItNames() throws Exception {
    window(1280, 800);
    openSubmitWithCatalogPipeline("sample");
    // the sample's declared parameters, with their defaults and the comments on their lines
    assertThat(browser.findElement(By.id("param-max_mw")).getAttribute("value")).isEqualTo("500");
    assertThat(browser.findElement(By.id("param-max_mw-hint")).getText()).contains("molecular weight");
    screenshot("submit.png");
    browser.findElement(By.id("budget-max-cost")).sendKeys("lots");
    browser.findElement(By.id("submit-task")).click();

    await(() -> browser.findElement(By.id("budget-max-cost-error")).isDisplayed());
    WebElement error = browser.findElement(By.id("budget-max-cost-error"));
    assertThat(error.findElement(By.cssSelector("[data-error-field]")).getAttribute("data-error-field"))
        .isEqualTo("spec.budget.max_cost");
    assertThat(error.getText()).contains("lots");
    assertThat(browser.findElement(By.id("budget-max-cost")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus goes to the field at fault")
        .isEqualTo("budget-max-cost");
    assertThat(browser.findElement(By.id("budget-max-tokens-error")).isDisplayed()).isFalse();
    assertThat(browser.getCurrentUrl()).as("nothing was submitted").endsWith("#/submit");
    screenshot("submit-with-error.png");
  }

  @Test
  void shouldFitTheDemosEighteenStepGraphIn1280x800AndCancelOnlyAfterConfirming() throws Exception {
    window(1280, 800);
    openSubmitWithCatalogPipeline("drug-discovery-demo");
    browser.findElement(By.id("submit-task")).click();
    String id = taskOpened();
    await(() -> browser.findElements(By.cssSelector("#dag g[data-node]")).size() == 17);

    assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .as("the page does not scroll sideways").isLessThanOrEqualTo(0);
    assertThat(number("const d = document.querySelector('.dag'); return d.scrollWidth - d.clientWidth"))
        .as("nor does the graph").isLessThanOrEqualTo(0);
    assertThat(number("return document.getElementById('dag').getBoundingClientRect().right"))
        .isLessThanOrEqualTo(number("return document.documentElement.clientWidth"));
    screenshot("demo-graph-1280x800.png");

    onFreshElement(By.id("cancel"), WebElement::click);
    await(() -> browser.findElement(By.id("confirm")).isDisplayed());
    assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the safe choice has the focus")
        .isEqualTo("confirm-no");
    screenshot("cancel-confirmation.png");
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    await(() -> !browser.findElement(By.id("confirm")).isDisplayed());
    Thread.sleep(1000); // a cancel sent by mistake would show by now
    assertThat(api.get(id).getState()).isNotEqualTo(TaskState.TASK_STATE_CANCELLED);

    // by keyboard alone: Enter on the button, Tab to the action, Enter
    onFreshElement(By.id("cancel"), button -> button.sendKeys(Keys.ENTER));
    await(() -> browser.findElement(By.id("confirm")).isDisplayed());
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("confirm-yes");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("CANCELLED"));
    assertThat(api.get(id).getState()).isEqualTo(TaskState.TASK_STATE_CANCELLED);
  }

  @Test
  void shouldShowTheSimulatedPoolsWithDevicesAndPricesOnTheBackendsPage() throws Exception {
    window(1280, 800);
    browser.get(ui + "/#/backends");
    await(() -> !browser.findElements(By.cssSelector("[data-pool='sim-trn1']")).isEmpty());
    WebElement gpu = browser.findElement(By.cssSelector("[data-pool='sim-h100']"));
    assertThat(gpu.findElements(By.cssSelector("tr[data-device]"))).hasSize(4);
    assertThat(gpu.findElement(By.cssSelector("[data-health]")).getText()).isEqualTo("UP");
    assertThat(gpu.findElements(By.cssSelector("[data-simulated]"))).hasSize(1);
    assertThat(gpu.getText()).contains("6.15 USD per unit-hour").contains("simulated H100 80GB").contains("nvidia gpu");
    WebElement trn = browser.findElement(By.cssSelector("[data-pool='sim-trn1']"));
    assertThat(trn.findElements(By.cssSelector("tr[data-device]"))).hasSize(8);
    assertThat(trn.getText()).contains("neuron core").contains("8 of 8 units free");
    screenshot("backends.png");
  }

  @Test
  void shouldListTasksWithProgressTokensAndCostAndPickUpANewOneByItself() throws Exception {
    window(1280, 800);
    String done = api.submitYaml(GATED.replace("approval: required", "approval: none"), Map.of());
    api.awaitTask(done, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));
    browser.get(ui + "/");
    await(() -> !browser.findElements(By.cssSelector("tr[data-task='" + done + "'] td[data-progress='3/3']"))
        .isEmpty());
    Task view = api.get(done);
    double cost = view.getCostByPoolMap().get("sim-h100");
    assertThat(cost).isPositive();
    assertThat(Double.parseDouble(browser.findElement(By.cssSelector("[data-cost='" + done + "']")).getText()))
        .as("the cost so far, to two significant digits").isCloseTo(cost, withPercentage(5));
    markThePage();

    String later = api.submitNamed("sample", Map.of());
    await(() -> !browser.findElements(By.cssSelector("tr[data-task='" + later + "']")).isEmpty());
    assertThat(thePageWasNotReloaded()).isTrue();
    await(() -> !browser.findElements(By.cssSelector("tr[data-task='" + later + "'] td[data-progress='6/6']"))
        .isEmpty());
    screenshot("task-list.png");

    // a narrow window: the page still does not scroll sideways (wide tables scroll in their own box)
    window(480, 800);
    assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .isLessThanOrEqualTo(0);
    screenshot("task-list-narrow.png");
  }

  @Test
  void shouldFilterTheListByStateAndLabelAndKeepTheFiltersThroughAReload() throws Exception {
    window(1280, 800);
    String quick = GATED.replace("approval: required", "approval: none");
    String chem = api.submitYaml(quick, Map.of(), Map.of("team", "chem-filter"));
    String bio = api.submitYaml(quick, Map.of(), Map.of("team", "bio-filter"));
    for (String id : List.of(chem, bio)) {
      api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));
    }
    browser.get(ui + "/");
    await(() -> !browser.findElements(By.cssSelector("tr[data-task='" + bio + "']")).isEmpty());
    browser.findElement(By.id("filter-state-SUCCEEDED")).click();
    browser.findElement(By.id("filter-labels")).sendKeys("team=chem-filter");
    browser.findElement(By.id("filter-apply")).click();

    await(() -> listedTasks().equals(List.of(chem)));
    assertThat(browser.getCurrentUrl()).contains("state=SUCCEEDED").contains("label=team%3Dchem-filter");
    assertThat(browser.findElement(By.cssSelector("tr[data-task='" + chem + "'] [data-label='team']")).getText())
        .isEqualTo("team=chem-filter");
    screenshot("task-list-filtered.png");

    browser.navigate().refresh();
    await(() -> listedTasks().equals(List.of(chem)));
    assertThat(browser.findElement(By.id("filter-labels")).getAttribute("value")).isEqualTo("team=chem-filter");
    assertThat(browser.findElement(By.id("filter-state-SUCCEEDED")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("filter-state-RUNNING")).isSelected()).isFalse();
    // the "older tasks" link is made the same way: the next page with the filters it was given for
    assertThat((String) browser.executeScript("return listHash(Object.assign(listFilterOf(location.hash),"
        + " {page: 'next+token'}));")).isEqualTo("#/?state=SUCCEEDED&label=team%3Dchem-filter&page=next%2Btoken");

    browser.findElement(By.id("filter-labels")).clear();
    browser.findElement(By.id("filter-labels")).sendKeys("team");
    browser.findElement(By.id("filter-apply")).click();
    await(() -> browser.findElement(By.id("filter-labels-error")).isDisplayed());
    assertThat(browser.findElement(By.id("filter-labels-error")).getText()).contains("not key=value");
    browser.findElement(By.id("filter-clear")).click();
    await(() -> listedTasks().containsAll(List.of(chem, bio)));
  }

  @Test
  void shouldShowABadLabelKeysErrorNextToTheLabelsField() throws Exception {
    window(1280, 800);
    openSubmitWithCatalogPipeline("sample");
    browser.findElement(By.id("labels")).sendKeys("team=chem\nBad Key!=x");
    browser.findElement(By.id("idempotency-key")).sendKeys("bad-label-key-1");
    browser.findElement(By.id("submit-task")).click();

    await(() -> browser.findElement(By.id("labels-error")).isDisplayed());
    WebElement error = browser.findElement(By.id("labels-error"));
    assertThat(error.findElement(By.cssSelector("[data-error-field]")).getAttribute("data-error-field"))
        .isEqualTo("spec.labels[\"Bad Key!\"]");
    assertThat(browser.findElement(By.id("labels")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("idempotency-key-error")).isDisplayed()).isFalse();
    assertThat(browser.getCurrentUrl()).as("nothing was submitted").endsWith("#/submit");
    screenshot("submit-with-label-error.png");
  }

  @Test
  void shouldForkAFinishedTaskFromItsSecondStepKeepingTheFirstAndShowItsArtifactsAndTemporalLink()
      throws Exception {
    window(1280, 800);
    openSubmitWithPastedYaml(GATED.replace("approval: required", "approval: none"));
    browser.findElement(By.id("labels")).sendKeys("team=fork-ui\nrun=1");
    browser.findElement(By.id("idempotency-key")).sendKeys("fork-ui-source");
    browser.findElement(By.id("submit-task")).click();
    String id = taskOpened();
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("SUCCEEDED"));
    assertThat(api.get(id).getLabelsMap()).isEqualTo(Map.of("team", "fork-ui", "run", "1"));
    // the same idempotency key again: the same task, not a second one
    openSubmitWithPastedYaml(GATED.replace("approval: required", "approval: none"));
    browser.findElement(By.id("labels")).sendKeys("team=fork-ui\nrun=1");
    browser.findElement(By.id("idempotency-key")).sendKeys("fork-ui-source");
    browser.findElement(By.id("submit-task")).click();
    await(() -> browser.getCurrentUrl().equals(ui + "/#/tasks/" + id));
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("SUCCEEDED"));
    assertThat(browser.findElement(By.cssSelector("#view [data-label='team']")).getText()).isEqualTo("team=fork-ui");

    // Temporal's Web UI (the dev server's, which the runtime started) at this task's workflow
    await(() -> !browser.findElements(By.id("temporal-link")).isEmpty());
    assertThat(browser.findElement(By.id("temporal-link")).getAttribute("href"))
        .isEqualTo("http://127.0.0.1:" + runtime.uiPort + "/namespaces/default/workflows/" + id);
    // the artifacts, each a download this session may read
    await(() -> browser.findElements(By.cssSelector("#artifacts tr[data-kind='output']")).size() == 3);
    String download = browser.findElement(By.cssSelector("#artifacts tr[data-kind='output'] a.download"))
        .getAttribute("href");
    assertThat(download).startsWith(ui + "/api/artifacts/sha256").contains("task=" + id);
    assertThat(((Number) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " fetch(arguments[0]).then(r => done(r.status), () => done(0));", download)).intValue()).isEqualTo(200);

    browser.findElement(By.id("fork-step-profile")).click();
    await(() -> !browser.findElements(By.id("fork-form")).isEmpty());
    assertThat(browser.switchTo().activeElement().getAttribute("id")).as("a pasted pipeline: free lines")
        .isEqualTo("fork-params");
    browser.findElement(By.id("fork-new-id")).sendKeys("no spaces");
    browser.findElement(By.id("fork-submit")).click();
    await(() -> browser.findElement(By.id("fork-new-id-error")).isDisplayed());
    assertThat(browser.findElement(By.cssSelector("#fork-new-id-error [data-error-field]"))
        .getAttribute("data-error-field")).isEqualTo("new_task_id");
    screenshot("fork-form.png");
    browser.findElement(By.id("fork-new-id")).clear();
    browser.findElement(By.id("fork-new-id")).sendKeys(id + "-fork");
    browser.findElement(By.id("fork-submit")).click();

    await(() -> browser.getCurrentUrl().equals(ui + "/#/tasks/" + id + "-fork"));
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("SUCCEEDED"));
    assertThat(browser.findElement(By.cssSelector("tr[data-step='load']")).getAttribute("data-kept"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.cssSelector("tr[data-step='load'] [data-kept-step]")).getText())
        .isEqualTo("kept");
    assertThat(browser.findElements(By.cssSelector("tr[data-step='profile'] [data-kept-step]"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("#plan-versions [data-kept='1']")).getText()).isEqualTo("load");
    WebElement source = browser.findElement(By.id("forked-from-link"));
    assertThat(source.getText()).isEqualTo(id);
    assertThat(browser.findElement(By.id("forked-from")).getText()).isEqualTo("forked from " + id + " at profile");
    Task fork = api.get(id + "-fork");
    assertThat(fork.getForkedFrom()).isEqualTo(id);
    assertThat(fork.getStepsList().stream().filter(st -> st.getName().equals("load")).findFirst().orElseThrow()
        .getOutput()).isEqualTo(api.get(id).getSteps(0).getOutput());
    screenshot("task-view-forked.png");
    source.click();
    await(() -> browser.getCurrentUrl().equals(ui + "/#/tasks/" + id));
  }

  @Test
  void shouldForkACatalogPipelineWithItsDeclaredParamsPrefilledSendingOnlyTheOneChanged() throws Exception {
    window(1280, 800);
    String id = api.submitNamed("sample", Map.of());
    api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));
    browser.get(ui + "/#/tasks/" + id);
    await(() -> !browser.findElements(By.id("fork-step-lipinski")).isEmpty());
    browser.findElement(By.id("fork-step-lipinski")).click();
    await(() -> !browser.findElements(By.id("fork-param-max_mw")).isEmpty());
    WebElement maxMw = browser.findElement(By.id("fork-param-max_mw"));
    assertThat(maxMw.getAttribute("value")).as("the pipeline's declared default").isEqualTo("500");
    assertThat(browser.findElement(By.id("fork-param-max_mw-hint")).getText()).contains("molecular weight");
    maxMw.clear();
    maxMw.sendKeys("400");
    browser.findElement(By.id("fork-submit")).click();

    await(() -> browser.getCurrentUrl().startsWith(ui + "/#/tasks/task-")
        && !browser.getCurrentUrl().endsWith(id));
    String fork = browser.getCurrentUrl().substring((ui + "/#/tasks/").length());
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("SUCCEEDED"));
    assertThat(browser.findElement(By.cssSelector("tr[data-step='load']")).getAttribute("data-kept"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.cssSelector("tr[data-step='lipinski']")).getAttribute("data-kept")).isNull();
    Task forked = api.get(fork);
    assertThat(forked.getForkedFromStep()).isEqualTo("lipinski");
    // only max_mw went along: the step that quotes it ran again, on 400 Da instead of 500
    assertThat(forked.getStepsList().stream().filter(st -> st.getName().equals("lipinski")).findFirst()
        .orElseThrow().getOutput()).isNotEqualTo(api.get(id).getStepsList().stream()
        .filter(st -> st.getName().equals("lipinski")).findFirst().orElseThrow().getOutput());
  }

  @Test
  void shouldResumeACutEventStreamWithoutMissingATimelineEntry() throws Exception {
    window(1280, 800);
    String id = api.submitYaml(GATED, Map.of());
    try (CuttableRelay relay = CuttableRelay.to(runtime.workflowUiPort)) {
      // the page through a relay the test can cut (the session cookie is the host's, so it goes along)
      browser.get("http://127.0.0.1:" + relay.port() + "/#/tasks/" + id);
      await(() -> !browser.findElements(By.cssSelector("[data-awaiting='publish']")).isEmpty());
      await(() -> timelineShown().equals(timelineOf(id)));
      browser.executeScript("window.reopened = 0; stream.addEventListener('open', () => window.reopened++);");
      markThePage();

      // the connection drops, the browser's reconnects are held, and the task moves on meanwhile
      relay.cut();
      await(() -> !browser.findElement(By.id("live")).getAttribute("class").contains("on"));
      api.tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("publish").setBy("test")
          .setComment("approved while the page was cut off").build());
      api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));
      assertThat(timelineShown()).as("the cut page has not seen the entries since").isNotEqualTo(timelineOf(id));

      // EventSource reconnects by itself with Last-Event-ID; the server sends what came after it, nothing twice
      relay.restore();
      await(() -> timelineShown().equals(timelineOf(id)));
      assertThat(((Number) browser.executeScript("return window.reopened;")).intValue()).isPositive();
      assertThat(browser.findElement(By.id("timeline")).getText()).contains("approved while the page was cut off");
      assertThat(thePageWasNotReloaded()).isTrue();
      screenshot("task-view-timeline-after-reconnect.png");
    }
  }

  @Test
  void shouldShowAMapStepsItemsAsABarAndEachStepsTime() throws Exception {
    window(1280, 800);
    String id = api.submitYaml("""
        name: mapped
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - {name: each, kind: map, tool: table.describe, over: "${steps.load.output}", item_param: input,
             chunk_size: 10}
        """, Map.of());
    api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));
    browser.get(ui + "/#/tasks/" + id);
    await(() -> !browser.findElements(By.cssSelector("[data-items='each'] progress")).isEmpty());
    WebElement bar = browser.findElement(By.cssSelector("[data-items='each'] progress"));
    assertThat(bar.getAttribute("max")).isEqualTo("38");
    assertThat(bar.getAttribute("value")).isEqualTo("38");
    assertThat(browser.findElement(By.cssSelector("[data-items='each']")).getText()).isEqualTo("38/38 items");
    assertThat(browser.findElements(By.cssSelector("[data-items='load']"))).as("not a map step").isEmpty();
    assertThat(browser.findElement(By.cssSelector("td[data-time='each']")).getText()).matches("(?s)\\d+s.*");
  }

  @Test
  void shouldWalkTheListPagesBothWaysWithASmallPageSizeKeepingTheFilters() throws Exception {
    window(1280, 800);
    String one = "name: one-step\nsteps:\n  - {name: load, tool: data.read_csv,"
        + " params: {source: \"classpath:nightshift/data/approved_drugs.csv\"}}\n";
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      submitted.add(api.submitYaml(one, Map.of(), Map.of("team", "paging")));
    }
    // ended tasks only, and all five listed by the API: the pages then cannot change while they are walked
    for (String id : submitted) {
      api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED, Duration.ofMinutes(2));
    }
    await(() -> api.tasks().listTasks(ListTasksRequest.newBuilder().putLabels("team", "paging")
        .addStates(TaskState.TASK_STATE_SUCCEEDED).setPageSize(10).build()).getTasksCount() == 5);
    browser.get(ui + "/");
    await(() -> !browser.findElements(By.cssSelector("#tasks tr[data-task]")).isEmpty());
    browser.findElement(By.id("filter-labels")).sendKeys("team=paging");
    browser.findElement(By.id("filter-page-size")).sendKeys("0");
    browser.findElement(By.id("filter-apply")).click();
    await(() -> browser.findElement(By.id("filter-page-size-error")).isDisplayed());
    assertThat(browser.findElement(By.id("filter-page-size-error")).getText()).contains("1 to 200");
    assertThat(browser.getCurrentUrl()).doesNotContain("page_size");
    browser.findElement(By.id("filter-page-size")).clear();
    browser.findElement(By.id("filter-page-size")).sendKeys("2");
    browser.findElement(By.id("filter-apply")).click();

    await(() -> browser.getCurrentUrl().contains("page_size=2") && listedTasks().size() == 2);
    assertThat(browser.findElements(By.id("newer-link"))).as("the first page").isEmpty();
    List<List<String>> pages = new ArrayList<>(List.of(listedTasks()));
    while (!browser.findElements(By.id("older-link")).isEmpty() && pages.size() < 5) {
      List<String> before = listedTasks();
      browser.findElement(By.id("older-link")).click();
      await(() -> !listedTasks().isEmpty() && !listedTasks().equals(before));
      pages.add(listedTasks());
      assertThat(browser.getCurrentUrl()).contains("label=team%3Dpaging").contains("page_size=2").contains("page=");
      assertThat(browser.findElement(By.id("filter-labels")).getAttribute("value")).isEqualTo("team=paging");
      assertThat(browser.findElement(By.id("filter-page-size")).getAttribute("value")).isEqualTo("2");
    }
    assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(pages.stream().flatMap(List::stream).toList()).as("every task once")
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(submitted);
    screenshot("task-list-paged.png");
    window(480, 800);
    assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .isLessThanOrEqualTo(0);
    screenshot("task-list-paged-narrow.png");
    window(1280, 800);

    // and back: "newer tasks" shows the pages before, the same tasks as on the way out
    for (int page = pages.size() - 2; page >= 0; page--) {
      List<String> expected = pages.get(page);
      browser.findElement(By.id("newer-link")).click();
      await(() -> listedTasks().equals(expected));
    }
    await(() -> browser.findElements(By.id("newer-link")).isEmpty());
    assertThat(browser.getCurrentUrl()).contains("label=team%3Dpaging").contains("page_size=2")
        .doesNotContain("page=");
  }

  @Test
  void shouldMoveARunningMapsItemsBarToItsTotalWithoutAReload() throws Exception {
    window(1280, 800);
    String id = api.submitYaml(HELD_MAP, Map.of());
    browser.get(ui + "/#/tasks/" + id);
    await(() -> browser.findElement(By.cssSelector("[data-items='each']")).getText().startsWith("0/3 items"));
    markThePage();

    HeldItems.release(gate, "item-2");
    await(() -> browser.findElement(By.cssSelector("[data-items='each']")).getText().startsWith("1/3 items"));
    WebElement bar = browser.findElement(By.cssSelector("[data-items='each'] progress"));
    assertThat(bar.getAttribute("value")).isEqualTo("1");
    assertThat(bar.getAttribute("max")).isEqualTo("3");
    assertThat(browser.findElement(By.cssSelector("tr[data-step='each']")).getAttribute("data-state"))
        .isEqualTo("RUNNING");
    screenshot("task-view-map-running.png");

    HeldItems.release(gate, "item-1");
    HeldItems.release(gate, "item-3");
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("SUCCEEDED"));
    assertThat(browser.findElement(By.cssSelector("[data-items='each']")).getText()).isEqualTo("3/3 items");
    assertThat(browser.findElement(By.cssSelector("[data-items='each'] progress")).getAttribute("value"))
        .isEqualTo("3");
    assertThat(thePageWasNotReloaded()).isTrue();
  }

  @Test
  void shouldKeepAForkFormsErrorThroughARunningTasksRedrawsUntilItsFieldIsEdited() throws Exception {
    window(1280, 800);
    String id = api.submitYaml(TWO_GATES, Map.of());
    browser.get(ui + "/#/tasks/" + id);
    await(() -> !browser.findElements(By.cssSelector("[data-awaiting='first']")).isEmpty());
    browser.findElement(By.id("fork-step-load")).click();
    await(() -> !browser.findElements(By.id("fork-form")).isEmpty());
    browser.findElement(By.id("fork-labels")).sendKeys("run=2");
    browser.findElement(By.id("fork-new-id")).sendKeys("no spaces");
    browser.findElement(By.id("fork-submit")).click();
    await(() -> browser.findElement(By.id("fork-new-id-error")).isDisplayed());
    markThePage();

    // the task moves on: its view, the form with it, is drawn again
    api.tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("first").setBy("test").build());
    await(() -> !browser.findElements(By.cssSelector("[data-awaiting='second']")).isEmpty());
    assertThat(node("first")).contains("SUCCEEDED");
    assertThat(browser.findElement(By.id("fork-new-id-error")).isDisplayed()).as("the error outlived the redraw")
        .isTrue();
    assertThat(browser.findElement(By.cssSelector("#fork-new-id-error [data-error-field]"))
        .getAttribute("data-error-field")).isEqualTo("new_task_id");
    assertThat(browser.findElement(By.id("fork-new-id")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("fork-new-id")).getAttribute("value")).isEqualTo("no spaces");
    assertThat(browser.findElement(By.id("fork-labels")).getAttribute("value")).isEqualTo("run=2");
    // a narrow window draws the view again too
    window(480, 800);
    await(() -> browser.findElement(By.id("fork-new-id-error")).isDisplayed());
    assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .isLessThanOrEqualTo(0);
    screenshot("fork-form-error-narrow.png");
    window(1280, 800);

    // editing the field answers its error, and the next redraw does not bring it back
    browser.findElement(By.id("fork-new-id")).sendKeys(Keys.END, "-2");
    assertThat(browser.findElement(By.id("fork-new-id-error")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("fork-new-id")).getAttribute("aria-invalid")).isNull();
    api.tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(id).setStep("second").setBy("test").build());
    await(() -> browser.findElement(By.cssSelector("#view > div .state")).getText().equals("SUCCEEDED"));
    assertThat(browser.findElement(By.id("fork-new-id-error")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("fork-new-id")).getAttribute("value")).isEqualTo("no spaces-2");
    assertThat(thePageWasNotReloaded()).isTrue();
  }

  private List<Long> timelineShown() {
    return browser.findElements(By.cssSelector("#timeline li")).stream()
        .map(li -> Long.parseLong(li.getAttribute("data-sequence"))).toList();
  }

  private List<Long> timelineOf(String id) {
    return api.get(id).getTimelineList().stream().map(TimelineEvent::getSequence).toList();
  }

  private List<String> listedTasks() {
    return browser.findElements(By.cssSelector("#tasks tr[data-task]")).stream()
        .map(r -> r.getAttribute("data-task")).toList();
  }

  private void window(int width, int height) {
    browser.manage().window().setSize(new Dimension(width, height));
  }

  private String node(String step) {
    return browser.findElement(By.cssSelector("#dag g[data-node='" + step + "']")).getAttribute("class");
  }

  /** A mark that lives as long as the page: a reload would lose it. */
  private void markThePage() {
    browser.executeScript("window.notReloaded = true;");
  }

  private boolean thePageWasNotReloaded() {
    return Boolean.TRUE.equals(browser.executeScript("return window.notReloaded === true;"));
  }

  private long number(String script) {
    return ((Number) browser.executeScript(script)).longValue();
  }

  /** The submit page with a pipeline of the runtime's catalog picked, its parameters shown. */
  private void openSubmitWithCatalogPipeline(String name) {
    browser.get(ui + "/#/submit");
    await(() -> !browser.findElements(By.cssSelector("#pipeline option[value='" + name + "']")).isEmpty());
    new Select(browser.findElement(By.id("pipeline"))).selectByValue(name);
  }

  /** The submit page with {@code yaml} pasted as the pipeline. */
  private void openSubmitWithPastedYaml(String yaml) {
    browser.get(ui + "/#/submit");
    await(() -> !browser.findElements(By.id("source-yaml")).isEmpty());
    browser.findElement(By.id("source-yaml")).click();
    browser.findElement(By.id("pipeline-yaml")).sendKeys(yaml);
  }

  /** The id of the task the page went to after a submit. */
  private String taskOpened() {
    await(() -> browser.getCurrentUrl().startsWith(ui + "/#/tasks/task-"));
    return browser.getCurrentUrl().substring((ui + "/#/tasks/").length());
  }

  private void screenshot(String name) throws Exception {
    Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Acts on an element found afresh, again if the page redrew it in between: the running task's view is redrawn on
   * each event the task's watch brings, so a button found a moment ago may already be a new one (a person's click
   * lands on the new one; Selenium's reference to the old one goes stale).
   */
  private void onFreshElement(By by, Consumer<WebElement> action) {
    await(() -> {
      action.accept(browser.findElement(by));
      return true;
    });
  }

  private void await(BooleanSupplier condition) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(90))
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
