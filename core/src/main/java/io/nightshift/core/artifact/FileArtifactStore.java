package io.nightshift.core.artifact;

import io.nightshift.core.crypto.AesGcm;
import io.nightshift.core.crypto.KeyProvider;
import io.nightshift.core.files.OwnerOnly;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Artifact store on local disk: {@code root/sha256/ab/abcdef...} holds the bytes. The media type belongs to each
 * reference, not to the bytes (one CSV may be stored as {@code text/csv} by one step and {@code text/plain} by
 * another), so every type the bytes were stored with has a file of its own, {@code abcdef....type-<key>} (key: the
 * type's own SHA-256, 16 hex digits), and {@link #find(String, String)} vouches for exactly those. The sibling
 * {@code .type} file holds the type they were first stored with, for lookups by digest alone; stores written
 * before per-type files existed have only that file (holding the last type written), and read as before.
 *
 * <p>Everything is written to a temporary file and moved into place atomically, so a crash never leaves a
 * half-written artifact under a valid name, and concurrent writers of the same content agree. Directories are
 * {@code rwx------} and files {@code rw-------}: artifacts hold task data, which other accounts have no business
 * reading.
 *
 * <p>The runtime's store is sealed ({@link #FileArtifactStore(Path, KeyProvider)}): each content file is AES-256-GCM
 * ciphertext under the current key, with the key id in its header, so neither a copy of the data directory nor a
 * backup shows task data, while each file still lives under the digest of its plaintext. Files written before
 * encryption still read (see {@link SealedArtifactHeader} for how they are told apart), and so do files sealed with
 * a key since rotated, as long as the key file still holds it. The type files stay plain: a media type is not task
 * data, and lookups by type need no key.
 */
public final class FileArtifactStore implements ArtifactStore {
  /**
   * Each media type's file-name key, computed once: a map's split and every chunk's tool store one artifact per
   * chunk, and a fresh SHA-256 of the same few type names for each was 20 % of {@link #put}'s samples in the
   * per-item profile (bench/README.md). Unbounded in principle, but a store sees a handful of types.
   */
  private static final Map<String, String> TYPE_KEYS = new ConcurrentHashMap<>();
  /** A digest {@link #find} can look up; compiled once, as every chunk's slice read calls it. */
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private final Path root;
  private final ArtifactFileFormat files;

  /** The runtime's store: content sealed with the current key of {@code keys}, opened with whichever it names. */
  public FileArtifactStore(Path root, KeyProvider keys) throws IOException {
    this(root, new SealedArtifactFiles(new AesGcm(keys), SealedArtifactFiles.DEFAULT_SEGMENT_BYTES));
  }

  FileArtifactStore(Path root, ArtifactFileFormat files) throws IOException {
    this.root = root.toAbsolutePath();
    this.files = files;
    OwnerOnly.createDirectories(this.root.resolve("sha256"));
    OwnerOnly.createDirectories(this.root.resolve("tmp"));
  }

  /**
   * A store that writes content as it is, for tests and tools that hold no key file; it refuses to read sealed
   * files. The runtime never uses it: what it stores is task data.
   */
  public static FileArtifactStore unencrypted(Path root) throws IOException {
    return new FileArtifactStore(root, new PlainArtifactFiles());
  }

  public Path root() {
    return root;
  }

  @Override
  public ArtifactRef put(byte[] content, String mediaType) throws IOException {
    return put(new ByteArrayInputStream(content), mediaType);
  }

  @Override
  public ArtifactRef put(InputStream content, String mediaType) throws IOException {
    Path tmp = newTempFile();
    try {
      MessageDigest sha = sha256();
      long size;
      byte[] digest;
      // the digest is of the content, not of the file: references and deduplication stay what they were
      try (OutputStream out = Files.newOutputStream(tmp); ArtifactFileWriter file = files.writer(out)) {
        size = content.transferTo(new DigestOutputStream(file, sha));
        digest = sha.digest();
        file.finish(digest);
      }
      ArtifactRef ref = new ArtifactRef("sha256:" + HexFormat.of().formatHex(digest), size, mediaType);
      Path target = pathOf(ref.hex());
      // one stat for the (at most 256) shard directories that exist after the first few puts: creating an
      // existing directory costs a failed mkdir and an exception inside the JDK, 22 % of put's samples
      if (!Files.isDirectory(target.getParent())) {
        OwnerOnly.createDirectories(target.getParent());
      }
      if (!Files.exists(target)) {
        moveIntoPlace(tmp, target);
      }
      writeOnce(typeFile(target, ref.mediaType()), ref.mediaType());
      writeOnce(firstTypeFile(target), ref.mediaType());
      return ref;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public InputStream open(ArtifactRef ref) throws IOException {
    Path p = pathOf(ref.hex());
    if (!Files.exists(p)) {
      throw new IOException("artifact " + ref.digest() + " is not in the store at " + root);
    }
    InputStream file = Files.newInputStream(p);
    try {
      return files.reader(file, ref.digest());
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /** Seeks in the file where its format allows (sealed files do: see {@link SealedArtifactFiles}). */
  @Override
  public InputStream open(ArtifactRef ref, long offset) throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
    if (offset == 0) {
      return open(ref);
    }
    Path p = pathOf(ref.hex());
    if (!Files.exists(p)) {
      throw new IOException("artifact " + ref.digest() + " is not in the store at " + root);
    }
    SeekableByteChannel file = Files.newByteChannel(p);
    try {
      return files.reader(file, ref.digest(), offset);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  @Override
  public byte[] read(ArtifactRef ref) throws IOException {
    try (InputStream in = open(ref)) {
      return in.readAllBytes();
    }
  }

  @Override
  public Optional<ArtifactRef> find(String digest) throws IOException {
    if (!DIGEST.matcher(digest).matches()) {
      return Optional.empty();
    }
    Path p = pathOf(digest.substring("sha256:".length()));
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    Path type = firstTypeFile(p);
    String mediaType = Files.exists(type) ? Files.readString(type, StandardCharsets.UTF_8).trim() : null;
    return Optional.of(new ArtifactRef(digest, files.contentSize(p), mediaType));
  }

  @Override
  public Optional<ArtifactRef> find(String digest, String mediaType) throws IOException {
    Optional<ArtifactRef> byFirstType = ArtifactStore.super.find(digest, mediaType);
    if (byFirstType.isEmpty()) {
      return byFirstType;
    }
    ArtifactRef asked = new ArtifactRef(digest, byFirstType.get().size(), mediaType);
    Path typed = typeFile(pathOf(asked.hex()), asked.mediaType());
    boolean storedAsAsked = Files.exists(typed)
        && Files.readString(typed, StandardCharsets.UTF_8).equals(asked.mediaType());
    return storedAsAsked ? Optional.of(asked) : byFirstType;
  }

  private Path pathOf(String hex) {
    return root.resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex);
  }

  private static Path firstTypeFile(Path content) {
    return content.resolveSibling(content.getFileName() + ".type");
  }

  private static Path typeFile(Path content, String mediaType) {
    String key = TYPE_KEYS.computeIfAbsent(mediaType,
        t -> HexFormat.of().formatHex(sha256().digest(t.getBytes(StandardCharsets.UTF_8)), 0, 8));
    return content.resolveSibling(content.getFileName() + ".type-" + key);
  }

  /**
   * Writes a small file unless it exists: whole or not at all, owner-only like every file here. Two writers of
   * different first types racing on {@code .type} may either win; each type's own file is exact.
   */
  private void writeOnce(Path target, String text) throws IOException {
    if (Files.exists(target)) {
      return;
    }
    Path tmp = newTempFile();
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      moveIntoPlace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Path newTempFile() throws IOException {
    Path dir = root.resolve("tmp");
    return OwnerOnly.isPosix(dir)
        ? Files.createTempFile(dir, "put-", ".part", PosixFilePermissions.asFileAttribute(OwnerOnly.FILE))
        : Files.createTempFile(dir, "put-", ".part");
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another writer put the same file first: same bytes (same digest, or same type), nothing to do
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
