package io.nightshift.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A media type belongs to a reference, not to the bytes: the same bytes stored by two steps under two types are
 * two references, each read back with its own type, and the store vouches for no type nobody stored.
 */
class ArtifactMediaTypesTest {
  private static final byte[] PAGE = "<p>hello</p>".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void shouldReadEachReferenceOfTheSameBytesWithItsOwnMediaType() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef text = store.put(PAGE, "text/plain");
    ArtifactRef html = store.put(PAGE, "text/html");

    assertThat(html.digest()).isEqualTo(text.digest());
    assertThat(store.find(text.digest(), "text/plain")).contains(text);
    assertThat(store.find(html.digest(), "text/html")).contains(html);
    assertThat(FileArtifactStore.unencrypted(dir).find(text.digest(), "text/plain")).as("after a restart")
        .contains(text);
  }

  @Test
  void shouldKeepTheFirstTypeForLookupsByDigestAloneWhateverIsStoredLater() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef text = store.put(PAGE, "text/plain");
    store.put(PAGE, "text/html");

    assertThat(store.find(text.digest())).contains(text);
    assertThat(store.resolve(text.uri()).mediaType()).isEqualTo("text/plain");
  }

  @Test
  void shouldNeverVouchForATypeTheBytesWereNotStoredWith() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef text = store.put(PAGE, "text/plain");

    assertThat(store.find(text.digest(), "text/html")).hasValueSatisfying(ref ->
        assertThat(ref.mediaType()).isEqualTo("application/octet-stream"));
    assertThat(store.find("sha256:" + "0".repeat(64), "text/plain")).isEmpty();
  }

  @Test
  void shouldReadArtifactsStoredBeforeTypesWerePerReference() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef csv = store.put("a\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    // the old layout: the bytes and one .type file, nothing per type
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().contains(".type-")).toList()) {
        Files.delete(p);
      }
    }

    FileArtifactStore reopened = FileArtifactStore.unencrypted(dir);
    assertThat(reopened.find(csv.digest())).contains(csv);
    assertThat(reopened.find(csv.digest(), "text/csv")).contains(csv);
    assertThat(reopened.read(csv)).asString(StandardCharsets.UTF_8).isEqualTo("a\n1\n");
  }
}
