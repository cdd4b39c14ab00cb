package io.nightshift.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code nightshift config} may print of a setting. Settings that name files (keys, certificates, the Temporal
 * API key file) print their path, never their content, which is never read. A value given inline whose flag or
 * environment variable names a secret is masked whole, and a URL's user:password part is masked wherever it is.
 */
final class SecretMask {
  static final String MASK = "****";
  private static final List<String> SECRET_WORDS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "CREDENTIAL");
  private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+(?=@)");

  private SecretMask() {
  }

  /**
   * @param names the flag's names and the environment variables it reads
   * @param type the type the value is parsed into: a {@link Path} is a file name, shown as it is
   */
  static String shown(List<String> names, Class<?> type, String value) {
    if (value == null) {
      return null;
    }
    if (!Path.class.isAssignableFrom(type) && names.stream().anyMatch(SecretMask::namesASecret)) {
      return MASK;
    }
    return URL_USER_INFO.matcher(value).replaceAll(MASK);
  }

  private static boolean namesASecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(upper::contains);
  }
}
