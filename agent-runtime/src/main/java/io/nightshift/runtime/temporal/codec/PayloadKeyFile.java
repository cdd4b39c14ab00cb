package io.nightshift.runtime.temporal.codec;

import io.nightshift.core.crypto.KeyRing;
import io.nightshift.core.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's key file, for Temporal payloads and artifacts alike: one key a line as {@code id:base64}, 32 bytes
 * each (AES-256); blank lines and lines starting with {@code #} are ignored. The last key is current: rotating means
 * appending a new line, and the keys above it stay to open what they sealed. The file must be readable by its owner
 * alone; the first start creates one with a fresh key, in a directory only its owner may enter.
 */
public final class PayloadKeyFile {
  static final int KEY_BYTES = 32;
  private static final String ID_PATTERN = "[A-Za-z0-9._-]{1,64}";

  private PayloadKeyFile() {}

  /** The keys of {@code file}, first creating it with one fresh key where there is none. */
  public static KeyRing openOrCreate(Path file) {
    if (!Files.exists(file)) {
      create(file);
    }
    return read(file);
  }

  /**
   * The keys of {@code file}.
   *
   * @throws IllegalArgumentException naming the file (and line) when it is unreadable, readable by others than
   *     its owner, malformed, holds a key that is not 32 bytes, or no key at all
   */
  public static KeyRing read(Path file) {
    checkOwnerOnly(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw problem(file, "cannot be read: " + e);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = "line " + (i + 1) + ": ";
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw problem(file, where + "expected 'id:base64key', found no ':'");
      }
      String id = line.substring(0, colon);
      if (!id.matches(ID_PATTERN)) {
        throw problem(file, where + "key id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
      }
      if (keys.containsKey(id)) {
        throw problem(file, where + "key id '" + id + "' appears twice");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(line.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw problem(file, where + "key '" + id + "' is not base64: " + e.getMessage());
      }
      if (key.length != KEY_BYTES) {
        throw problem(file, where + "key '" + id + "' is " + key.length + " bytes; AES-256 needs " + KEY_BYTES);
      }
      keys.put(id, new SecretKeySpec(key, "AES"));
      current = id;
    }
    if (current == null) {
      throw problem(file, "holds no key; add a line 'id:base64key' (32 random bytes), or remove the file and a"
          + " fresh one is created at the next start");
    }
    return new KeyRing(current, keys);
  }

  /** A line for a fresh key, as the first start writes it and as an operator appends one to rotate. */
  public static String newKeyLine() {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    byte[] suffix = new byte[3];
    random.nextBytes(suffix);
    String id = "key-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
        + HexFormat.of().formatHex(suffix);
    return id + ":" + Base64.getEncoder().encodeToString(key);
  }

  /**
   * Writes a complete file beside the target and links it into place, so that processes of one deployment starting
   * at once on the same data directory all end up with the one file that won, never with keys of their own.
   */
  private static void create(Path file) {
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      OwnerOnly.createDirectories(dir); // rwx------: the umask's rwxr-xr-x would let others list it
      tmp = Files.createTempFile(dir, ".payload-keys", ".new", PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
      Files.writeString(tmp, "# Nightshift keys for payloads and artifacts: id:base64 (32 bytes, AES-256). The last\n"
          + "# key is current; to rotate, append a new line and keep the old ones while histories or artifacts\n"
          + "# sealed with them exist.\n"
          + newKeyLine() + "\n");
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException raced) {
      // another process of this deployment created it first: use its file
    } catch (IOException | UnsupportedOperationException e) {
      throw problem(file, "does not exist and could not be created: " + e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file holds a key nobody uses
        }
      }
    }
  }

  private static void checkOwnerOnly(Path file) {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException notPosix) {
      return; // no POSIX permissions on this file system to check
    } catch (IOException e) {
      throw problem(file, "cannot be read: " + e);
    }
    Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    if (perms.stream().anyMatch(others::contains)) {
      throw problem(file, "is accessible to others than its owner (" + PosixFilePermissions.toString(perms)
          + "); it holds the keys to every payload and artifact: chmod 600 " + file);
    }
  }

  private static IllegalArgumentException problem(Path file, String what) {
    return new IllegalArgumentException("payload key file " + file + " " + what);
  }
}
