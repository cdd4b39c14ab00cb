package io.nightshift.runtime.temporal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.crypto.KeyRing;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One key file seals both what goes to Temporal and what goes to the artifact store, and one rotation (a line
 * appended) moves both to the new key while everything sealed before still opens.
 */
class KeyFileRotationTest {
  @TempDir Path dir;

  @Test
  void shouldSealPayloadsAndArtifactsWithTheAppendedKeyAndStillOpenWhatTheFirstOneSealed() throws Exception {
    Path file = dir.resolve("keys/payload-keys");
    KeyRing first = PayloadKeyFile.openOrCreate(file);
    Payload payloadBefore = PayloadEncryption.around(first).toPayload("goal before").orElseThrow();
    ArtifactRef artifactBefore = new FileArtifactStore(dir.resolve("artifacts"), first)
        .put("report before".getBytes(StandardCharsets.UTF_8), "text/plain");

    Files.writeString(file, PayloadKeyFile.newKeyLine() + "\n", StandardOpenOption.APPEND);
    KeyRing rotated = PayloadKeyFile.read(file);
    DataConverter converter = PayloadEncryption.around(rotated);
    FileArtifactStore store = new FileArtifactStore(dir.resolve("artifacts"), rotated);
    Payload payloadAfter = converter.toPayload("goal after").orElseThrow();
    ArtifactRef artifactAfter = store.put("report after".getBytes(StandardCharsets.UTF_8), "text/plain");

    assertThat(rotated.currentId()).isNotEqualTo(first.currentId());
    assertThat(converter.fromPayload(payloadBefore, String.class, String.class)).isEqualTo("goal before");
    assertThat(converter.fromPayload(payloadAfter, String.class, String.class)).isEqualTo("goal after");
    assertThat(payloadAfter.getMetadataOrThrow(AesGcmPayloadCodec.KEY_ID).toStringUtf8())
        .isEqualTo(rotated.currentId());
    assertThat(store.read(artifactBefore)).asString(StandardCharsets.UTF_8).isEqualTo("report before");
    assertThat(store.read(artifactAfter)).asString(StandardCharsets.UTF_8).isEqualTo("report after");
    // the key id sits in the header of each artifact file, in the clear: the newer file names the newer key
    assertThat(Files.readString(fileOf(artifactAfter), StandardCharsets.ISO_8859_1)).contains(rotated.currentId());
    assertThat(Files.readString(fileOf(artifactBefore), StandardCharsets.ISO_8859_1)).contains(first.currentId())
        .doesNotContain(rotated.currentId());
  }

  private Path fileOf(ArtifactRef ref) {
    return dir.resolve("artifacts/sha256").resolve(ref.hex().substring(0, 2)).resolve(ref.hex());
  }
}
