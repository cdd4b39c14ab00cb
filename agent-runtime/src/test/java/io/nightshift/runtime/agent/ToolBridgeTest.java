package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.tools.registry.ToolRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolBridgeTest {
  private final ToolBridge bridge = new ToolBridge(ToolRegistry.of(List.of(new TextTools())));
  private static final ToolDescriptor MIX = new ToolDescriptor("lab.mix", "mixes", List.of(
      ToolParam.required("text", "t"), ToolParam.optional("n", "n", "1"), ToolParam.optional("flag", "f", "false"),
      ToolParam.optional("list", "l", "[]"), ToolParam.optional("gone", "g", "")));

  @Test
  void shouldDescribeToolsWithWireNamesAndStringParameters() {
    List<ToolSpecification> specs = bridge.specifications(List.of("text.upper", "no.such_tool"));

    assertThat(specs).hasSize(1);
    ToolSpecification upper = specs.get(0);
    assertThat(upper.name()).isEqualTo("text__upper");
    assertThat(upper.description()).isEqualTo("Returns the text in capital letters");
    JsonObjectSchema params = upper.parameters();
    assertThat(params.properties()).containsOnlyKeys("text", "suffix");
    assertThat(params.properties().get("text")).isInstanceOf(JsonStringSchema.class);
    assertThat(((JsonStringSchema) params.properties().get("suffix")).description()).contains("(default: )");
    assertThat(params.required()).containsExactly("text");
    assertThat(ToolBridge.toolName("text__upper")).isEqualTo("text.upper");
  }

  @Test
  void shouldTurnJsonArgumentsIntoStringsKeepingNonStringValuesAsJson() {
    var args = ToolBridge.arguments(MIX, "{\"text\":\"a\",\"n\":3,\"flag\":true,\"list\":[1,2],\"gone\":null}");

    assertThat(args.values()).containsEntry("text", "a").containsEntry("n", "3").containsEntry("flag", "true")
        .containsEntry("list", "[1,2]").doesNotContainKey("gone");
    assertThat(ToolBridge.arguments(MIX, "").values()).isEmpty();
    assertThat(ToolBridge.arguments(MIX, "{\"text\":\"hello\n\"}").values()).as("a raw newline, as SmolLM2 sends it")
        .containsEntry("text", "hello\n");
  }

  @Test
  void shouldExplainMalformedArgumentsToTheModel() {
    assertThatThrownBy(() -> ToolBridge.arguments(MIX, "{text: oops")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON").hasMessageContaining("send a JSON object");
    assertThatThrownBy(() -> ToolBridge.arguments(MIX, "[1]")).hasMessageContaining("must be a JSON object");
  }

  @Test
  void shouldRefuseKeysTheToolDoesNotDeclareNamingEachAndTheTool() {
    assertThatThrownBy(() -> ToolBridge.arguments(MIX, "{\"text\":\"a\",\"nim_url\":\"http://x\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tool 'lab.mix' has no parameter 'nim_url'; it takes: text, n, flag, list, gone; call it again"
            + " with only those");
    // a null value is a key all the same: the model named something the tool does not offer
    assertThatThrownBy(() -> ToolBridge.arguments(MIX, "{\"vina_path\":null,\"obabel_path\":\"/bin/sh\"}"))
        .hasMessageStartingWith("tool 'lab.mix' has no parameters 'vina_path', 'obabel_path';");
  }
}
