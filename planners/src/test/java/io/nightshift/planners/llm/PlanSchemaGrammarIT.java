package io.nightshift.planners.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan schema through llama.cpp's own JSON-schema-to-grammar converter (llama-cpp-python 0.3.36, provisioned as
 * everywhere else). The server falls back to "any JSON" when a schema does not convert, silently, so a schema that
 * only looks right would lose every guarantee {@link PlanSchema} promises; here the converter must accept it and
 * the grammar must hold the rules that make unknown step names impossible.
 */
class PlanSchemaGrammarIT {
  @TempDir Path dir;

  @Test
  void shouldConvertIntoAGrammarThatLetsAStepNeedOnlyEarlierSteps() throws Exception {
    LlamaCppInstallation llama = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir()).build().provision();
    List<ToolDescriptor> tools = List.of(
        new ToolDescriptor("data.read_csv", "Reads a CSV", List.of(ToolParam.required("source", "where from"))),
        new ToolDescriptor("table.describe", "Describes a table", List.of(ToolParam.required("input", "a table"),
            ToolParam.optional("columns", "which", "all"))));
    Path schema = Files.writeString(dir.resolve("plan.json"),
        PlanSchema.document(new PlanSchema.Shape(tools, 12, true, true, List.of("max_mw"))).toString());

    Process convert = new ProcessBuilder(llama.python().toString(), "-c", """
        import sys
        from llama_cpp.llama_grammar import json_schema_to_gbnf, LlamaGrammar
        gbnf = json_schema_to_gbnf(open(sys.argv[1]).read())
        LlamaGrammar.from_string(gbnf, verbose=False)
        print(gbnf)
        """, schema.toString()).redirectErrorStream(true).start();
    String grammar = new String(convert.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(convert.waitFor(2, TimeUnit.MINUTES) && convert.exitValue() == 0).as(grammar).isTrue();
    assertThat(grammar).as("step 3 may need step1 or step2, nothing else")
        .containsPattern("step3-[0-9]+-needs-item ::= \"\\\\\"step1\\\\\"\" \\| \"\\\\\"step2\\\\\"\"\\n");
    assertThat(grammar).as("the first step needs nothing").doesNotContainPattern("step1-[0-9]+-needs");
    assertThat(grammar).as("references in step 3's texts: earlier steps and declared parameters only")
        .contains("[$] \"{step\" \"s\" [.] (\"step\" \"1\" | \"step\" \"2\") [.] \"output}\"")
        .contains("[$] \"{param\" \"s\" [.] (\"max_mw\") \"}\"");
    assertThat(grammar).as("a plan is step1..stepN with no gaps").contains("steps-1 ::= \"{\" space steps-1-step1-kv"
        + " \",\" space steps-1-step2-kv \"}\" space");
  }
}
