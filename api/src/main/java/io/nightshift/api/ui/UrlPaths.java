package io.nightshift.api.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Text put into one segment of a URL path: percent-encoded, with a space as %20 (not the form encoding's '+'). */
final class UrlPaths {
  private UrlPaths() {}

  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
