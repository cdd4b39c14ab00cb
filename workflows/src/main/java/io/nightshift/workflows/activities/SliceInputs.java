package io.nightshift.workflows.activities;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.table.TableSlice;
import io.nightshift.core.table.TableSlices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A step call's parameters that are {@link TableSlice}s (a map's chunks, cut as views of their table), shown to its
 * tool as exactly what a copied chunk was: the parameter becomes {@code artifact:sha256:<digest of the chunk's
 * bytes>}, and the call's store serves those bytes, read from the table, under that digest. So every tool reads its
 * chunk as before, through whichever of the store's methods it uses, and writes nothing for it. Where the tool hands
 * the chunk itself on as its output, {@link #keep} stores it, so the map's merge finds it like any other output.
 *
 * <p>The table is read through the worker's store like any artifact: a slice of a table that store cannot give is
 * refused as the table itself would be.
 */
final class SliceInputs {
  /** A chunk up to this many bytes is held for the call; a larger one is read from its table each time it is opened. */
  static final int HELD_BYTES = 1 << 20;
  private static final String CSV = "text/csv";

  private final ArtifactStore store;
  private final Map<String, String> params;
  /** The chunks this call's store serves, by digest. */
  private final Map<String, Chunk> chunks;
  /** What the tool stored through the call's store. */
  private final Set<ArtifactRef> put = ConcurrentHashMap.newKeySet();

  private SliceInputs(ArtifactStore store, Map<String, String> params, Map<String, Chunk> chunks) {
    this.store = store;
    this.params = params;
    this.chunks = chunks;
  }

  /**
   * Reads every slice among {@code params} once (to learn its digest and size; a small one is kept).
   *
   * @throws ToolException permanent when a parameter is a malformed slice (naming it and the field), retryable when
   *                       its table cannot be read
   */
  static SliceInputs of(ArtifactStore store, Map<String, String> params) {
    Map<String, String> shown = null;
    Map<String, Chunk> chunks = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (!TableSlice.isSlice(p.getValue())) {
        continue;
      }
      TableSlice slice;
      try {
        slice = TableSlice.parse(p.getValue());
      } catch (IllegalArgumentException e) {
        throw ToolException.permanent("parameter '" + p.getKey() + "': " + e.getMessage());
      }
      Chunk chunk = read(store, slice, p.getKey());
      chunks.putIfAbsent(chunk.ref().digest(), chunk);
      if (shown == null) {
        shown = new HashMap<>(params);
      }
      shown.put(p.getKey(), chunk.ref().uri());
    }
    return new SliceInputs(store, shown == null ? params : Map.copyOf(shown), chunks);
  }

  /** The parameters the tool sees: each slice as its chunk's artifact URI. */
  Map<String, String> params() {
    return params;
  }

  /** The store the tool uses: the worker's, plus this call's chunks. */
  ArtifactStore artifacts() {
    return chunks.isEmpty() ? store : new Serving();
  }

  /**
   * Stores the tool's output where it is one of this call's chunks (a tool that passes its input on unchanged): the
   * output must outlive the call, as a copied chunk did.
   */
  void keep(ArtifactRef output) {
    Chunk chunk = chunks.get(output.digest());
    if (chunk == null) {
      return;
    }
    if (put.contains(output)) {
      return; // the tool stored it itself (a filter that kept every row, say)
    }
    try (InputStream in = chunk.open(store)) {
      store.put(in, output.mediaType());
    } catch (IOException e) {
      throw ToolException.retryable("cannot store the output (the chunk " + chunk.slice().uri() + " itself): "
          + e.getMessage(), e);
    }
  }

  private static Chunk read(ArtifactStore store, TableSlice slice, String param) {
    try (InputStream in = TableSlices.open(store, slice)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Held held = new Held();
      long size = in.transferTo(new DigestOutputStream(held, sha));
      ArtifactRef ref = new ArtifactRef("sha256:" + HexFormat.of().formatHex(sha.digest()), size, CSV);
      return new Chunk(slice, ref, held.bytes());
    } catch (IOException e) {
      throw ToolException.retryable("cannot read parameter '" + param + "' (" + slice.uri() + "): "
          + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * One chunk: its slice, its reference as a copied chunk, and its bytes where it is small enough to hold.
   *
   * @param bytes empty for a chunk of more than {@link #HELD_BYTES}
   */
  private record Chunk(TableSlice slice, ArtifactRef ref, Optional<byte[]> bytes) {
    InputStream open(ArtifactStore store) throws IOException {
      return bytes.isPresent() ? new ByteArrayInputStream(bytes.get()) : TableSlices.open(store, slice);
    }
  }

  /** Collects what is written to it until it passes {@link #HELD_BYTES}, then only counts. */
  private static final class Held extends OutputStream {
    private byte[] buffer = new byte[256];
    private int size;
    private boolean over;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (over) {
        return;
      }
      if (size + len > HELD_BYTES) {
        over = true;
        buffer = null;
        return;
      }
      if (size + len > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(size + len, buffer.length * 2));
      }
      System.arraycopy(b, off, buffer, size, len);
      size += len;
    }

    Optional<byte[]> bytes() {
      return over ? Optional.empty() : Optional.of(Arrays.copyOf(buffer, size));
    }
  }

  /** The worker's store, which also serves this call's chunks under their digests. */
  private final class Serving implements ArtifactStore {
    @Override
    public ArtifactRef put(byte[] content, String mediaType) throws IOException {
      return stored(store.put(content, mediaType));
    }

    @Override
    public ArtifactRef put(InputStream content, String mediaType) throws IOException {
      return stored(store.put(content, mediaType));
    }

    private ArtifactRef stored(ArtifactRef ref) {
      put.add(ref);
      return ref;
    }

    @Override
    public InputStream open(ArtifactRef ref) throws IOException {
      Chunk chunk = chunks.get(ref.digest());
      return chunk == null ? store.open(ref) : chunk.open(store);
    }

    @Override
    public InputStream open(ArtifactRef ref, long offset) throws IOException {
      Chunk chunk = chunks.get(ref.digest());
      if (chunk == null) {
        return store.open(ref, offset);
      }
      return ArtifactStore.super.open(ref, offset);
    }

    @Override
    public byte[] read(ArtifactRef ref) throws IOException {
      Chunk chunk = chunks.get(ref.digest());
      if (chunk == null) {
        return store.read(ref);
      }
      try (InputStream in = chunk.open(store)) {
        return in.readAllBytes();
      }
    }

    @Override
    public Optional<ArtifactRef> find(String digest) throws IOException {
      Chunk chunk = chunks.get(digest);
      return chunk == null ? store.find(digest) : Optional.of(chunk.ref());
    }

    @Override
    public Optional<ArtifactRef> find(String digest, String mediaType) throws IOException {
      return chunks.containsKey(digest) ? ArtifactStore.super.find(digest, mediaType)
          : store.find(digest, mediaType);
    }
  }
}
