package io.nightshift.models.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Reading the window out of what the servers answer, in the shapes their versions use. */
class WindowProbeTest {
  private static JsonNode json(String text) throws Exception {
    return ServerCalls.JSON.readTree(text);
  }

  @Test
  void shouldTakeTheModelsOwnEntryAmongVllmsBaseModelAndLoraAdapters() throws Exception {
    JsonNode models = json("{\"data\": [{\"id\": \"sql-lora\", \"max_model_len\": 4096, \"parent\": \"llama\"},"
        + " {\"id\": \"llama\", \"max_model_len\": 8192}]}");

    assertThat(WindowProbe.vllmWindow(models, "llama")).hasValue(8192);
    assertThat(WindowProbe.vllmWindow(models, "sql-lora")).hasValue(4096);
    assertThat(WindowProbe.vllmWindow(models, "other")).as("entries disagree: none is taken").isEmpty();
  }

  @Test
  void shouldTakeTheLengthAllEntriesAgreeOnWhenTheServedNameIsSpelledDifferently() throws Exception {
    JsonNode models = json("{\"data\": [{\"id\": \"meta-llama/Llama-3.1-8B\", \"max_model_len\": 16384}]}");

    assertThat(WindowProbe.vllmWindow(models, "llama-3.1")).hasValue(16384);
  }

  @Test
  void shouldFindNoWindowInAModelListWithoutMaxModelLen() throws Exception {
    // llama-cpp-python's list, and llama.cpp's, whose meta.n_ctx_train is the trained length, not the served one
    assertThat(WindowProbe.vllmWindow(json("{\"data\": [{\"id\": \"smollm2\", \"owned_by\": \"me\"}]}"), "smollm2"))
        .isEmpty();
    assertThat(WindowProbe.vllmWindow(json("{\"data\": [{\"id\": \"m\", \"meta\": {\"n_ctx_train\": 8192}}]}"), "m"))
        .isEmpty();
  }

  @Test
  void shouldReadLlamaCppsSlotContextOrTheOlderTopLevelField() throws Exception {
    assertThat(WindowProbe.llamaCppWindow(json("{\"default_generation_settings\": {\"n_ctx\": 1024},"
        + " \"total_slots\": 4}"))).hasValue(1024);
    assertThat(WindowProbe.llamaCppWindow(json("{\"n_ctx\": 2048}"))).hasValue(2048);
    assertThat(WindowProbe.llamaCppWindow(json("{\"default_generation_settings\": {\"n_ctx\": 0}}"))).isEmpty();
    assertThat(WindowProbe.llamaCppWindow(json("{\"detail\": \"Not Found\"}"))).isEmpty();
  }
}
