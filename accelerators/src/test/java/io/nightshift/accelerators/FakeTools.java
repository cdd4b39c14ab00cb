package io.nightshift.accelerators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Copies the fake hardware tools from test resources into a directory and makes them executable. */
public final class FakeTools {
  private final Path dir;

  public FakeTools(Path dir) {
    this.dir = dir;
  }

  public Path tool(String name) {
    return install(name, name);
  }

  /** Copies fake tool {@code resource} in under the name {@code name} (a PATH lookup finds it by that name). */
  public Path install(String resource, String name) {
    Path target = dir.resolve(name);
    if (Files.exists(target)) {
      return target;
    }
    try (InputStream in = FakeTools.class.getResourceAsStream("/fake-tools/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fake tool " + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String path(String name) {
    return tool(name).toString();
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
