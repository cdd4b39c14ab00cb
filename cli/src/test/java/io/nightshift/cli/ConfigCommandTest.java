package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nightshift config}: the effective settings of the runtime commands, where each came from, secrets masked. */
class ConfigCommandTest {
  @TempDir Path dir;

  @Test
  void shouldPrintFlagValuesAsFromTheFlagAndTheRestAsDefaults() {
    JsonObject settings = settings(run(0, "config", "--json", "--api-port", "7171", "--data-dir", dir.toString(),
        "--tenant-namespace", "acme=acme-ns", "--tenant-namespace", "zeta=zeta-ns"));

    assertThat(value(settings, "--api-port")).isEqualTo("7171");
    assertThat(source(settings, "--api-port")).isEqualTo("flag");
    assertThat(value(settings, "--tenant-namespace")).isEqualTo("acme=acme-ns,zeta=zeta-ns");
    assertThat(value(settings, "--temporal-port")).isEqualTo("7233");
    assertThat(source(settings, "--temporal-port")).isEqualTo("default");
    assertThat(settings.get("--temporal-address").getAsJsonObject().get("value").isJsonNull()).isTrue();
    assertThat(value(settings, "--tools-dir")).isEqualTo(dir.resolve("tools").toString());
    assertThat(source(settings, "--tools-dir")).isEqualTo("computed");
    assertThat(settings.keySet()).contains("--codec-port", "--ops-host", "--log-format", "--insecure-no-auth")
        .doesNotContain("--json", "--help", "--version");
  }

  @Test
  void shouldNameTheEnvironmentVariableAValueCameFrom() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), NightshiftCli.class.getName(), "config", "--json",
        "--api-port", "7272").redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(name -> name.startsWith("NIGHTSHIFT_") || name.startsWith("OTEL_"));
    builder.environment().put("NIGHTSHIFT_DATA_DIR", dir.toString());
    builder.environment().put("NIGHTSHIFT_UI_PORT", "9191");
    builder.environment().put("NIGHTSHIFT_API_PORT", "9999"); // --api-port reads no variable: the flag stands
    builder.environment().put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318");
    Process config = builder.start();
    String out = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(config.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(config.exitValue()).as(out).isZero();
    JsonObject settings = settings(out);

    assertThat(value(settings, "--ui-port")).isEqualTo("9191");
    assertThat(source(settings, "--ui-port")).isEqualTo("environment NIGHTSHIFT_UI_PORT");
    assertThat(value(settings, "--data-dir")).isEqualTo(dir.toString());
    assertThat(source(settings, "--data-dir")).isEqualTo("environment NIGHTSHIFT_DATA_DIR");
    assertThat(value(settings, "--otlp-endpoint")).isEqualTo("http://127.0.0.1:4318");
    assertThat(source(settings, "--otlp-endpoint")).isEqualTo("environment OTEL_EXPORTER_OTLP_ENDPOINT");
    assertThat(value(settings, "--api-port")).isEqualTo("7272");
    assertThat(source(settings, "--codec-port")).isEqualTo("default");
  }

  @Test
  void shouldPrintFilePathsButNeverWhatTheKeyFilesHold() throws Exception {
    Path apiKey = Files.writeString(dir.resolve("temporal-api-key"), "sekrit-api-key");
    String out = run(0, "config", "--data-dir", dir.toString(), "--temporal-address", "temporal.example:7233",
        "--temporal-api-key-file", apiKey.toString());

    assertThat(out).contains(apiKey.toString()).doesNotContain("sekrit");
    assertThat(out.lines().filter(l -> l.startsWith("--temporal-address")).findFirst().orElseThrow())
        .contains("temporal.example:7233").contains("(flag)");
  }

  @Test
  void shouldMaskAValueGivenInlineUnderASecretsName() {
    assertThat(SecretMask.shown(List.of("--model-token", "NIGHTSHIFT_MODEL_TOKEN"), String.class, "abc"))
        .isEqualTo(SecretMask.MASK);
    assertThat(SecretMask.shown(List.of("--payload-keys", "NIGHTSHIFT_PAYLOAD_KEYS"), Path.class, "/k/payload-keys"))
        .isEqualTo("/k/payload-keys");
    assertThat(SecretMask.shown(List.of("--namespace"), String.class, "default")).isEqualTo("default");
    assertThat(SecretMask.shown(List.of("--models-url"), String.class, "https://otel:hunter2@models.internal/v1"))
        .isEqualTo("https://" + SecretMask.MASK + "@models.internal/v1");
  }

  @Test
  void shouldRefuseWhatDevRefusesNamingTheFlag() {
    String err = runExpectingError("config", "--data-dir", dir.toString(), "--ops-port", "70000");

    assertThat(err).contains("--ops-port");
  }

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = NightshiftCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    assertThat(cli.execute(args)).as(err.toString()).isEqualTo(expectedExit);
    return out.toString();
  }

  private static String runExpectingError(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = NightshiftCli.commandLine().setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err));
    assertThat(cli.execute(args)).isEqualTo(2);
    return err.toString();
  }

  /** {flag: {value, source}} from the --json output. */
  private static JsonObject settings(String json) {
    JsonObject byFlag = new JsonObject();
    JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("settings")
        .forEach(s -> byFlag.add(s.getAsJsonObject().get("flag").getAsString(), s));
    return byFlag;
  }

  private static String value(JsonObject settings, String flag) {
    return settings.get(flag).getAsJsonObject().get("value").getAsString();
  }

  private static String source(JsonObject settings, String flag) {
    return settings.get(flag).getAsJsonObject().get("source").getAsString();
  }
}
