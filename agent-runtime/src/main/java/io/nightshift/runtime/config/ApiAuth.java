package io.nightshift.runtime.config;

/** Whether the API asks callers for a token. */
public enum ApiAuth {
  /** Every call but health and reflection needs a bearer token from the token store: the default. */
  TOKENS,
  /**
   * {@code --insecure-no-auth}: anyone who reaches the port may do anything. Allowed only when the API binds to
   * loopback, and warned about at start.
   */
  NONE;

  /** The flag that turns authentication off. */
  public static final String OFF_FLAG = "--insecure-no-auth";

  /**
   * Whether {@code host} is a loopback address written out: {@code localhost}, {@code 127.x.x.x} or {@code ::1}.
   * Names are not resolved, so a DNS answer cannot make a host loopback, and a wildcard bind (0.0.0.0) is not.
   */
  public static boolean isLoopbackHost(String host) {
    String h = host.strip();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equalsIgnoreCase("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }
}
