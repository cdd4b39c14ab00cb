package io.nightshift.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileArtifactStoreTest {
  @TempDir Path dir;

  @Test
  void shouldStoreSameContentOnceUnderOneDigest() throws IOException {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef a = store.put("hello".getBytes(StandardCharsets.UTF_8), "text/plain");
    ArtifactRef b = store.put("hello".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(a).isEqualTo(b);
    // sha256("hello")
    assertThat(a.digest()).isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    try (Stream<Path> files = Files.walk(dir.resolve("sha256"))) {
      assertThat(files.filter(p -> p.getFileName().toString().equals(a.hex()))).hasSize(1);
    }
    assertThat(store.read(a)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
  }

  @Test
  void shouldMakeItsShardDirectoryOwnerOnlyAgainWhenItWasRemovedBetweenPuts() throws IOException {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef first = store.put("hello".getBytes(StandardCharsets.UTF_8), "text/plain");
    Path shard = dir.resolve("sha256").resolve(first.hex().substring(0, 2));
    Files.delete(shard.resolve(first.hex()));
    try (Stream<Path> left = Files.list(shard)) {
      left.forEach(p -> p.toFile().delete());
    }
    Files.delete(shard);

    ArtifactRef again = store.put("hello".getBytes(StandardCharsets.UTF_8), "text/plain");

    assertThat(store.read(again)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shard)))
        .isEqualTo("rwx------");
  }

  @Test
  void shouldResolveUrisAndKeepMediaType() throws IOException {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef ref = store.put("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThat(store.resolve(ref.uri())).isEqualTo(ref);
    assertThat(FileArtifactStore.unencrypted(dir).find(ref.digest())).contains(ref);
  }

  @Test
  void shouldFailClearlyForMissingArtifact() throws IOException {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    String missing = "artifact:sha256:" + "0".repeat(64);
    assertThatThrownBy(() -> store.resolve(missing)).hasMessageContaining("is not in the store");
    assertThatThrownBy(() -> ArtifactRef.digestOfUri("file:/etc/passwd")).hasMessageContaining("not an artifact URI");
  }
}
