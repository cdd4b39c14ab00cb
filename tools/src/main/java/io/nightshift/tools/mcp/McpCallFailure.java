package io.nightshift.tools.mcp;

/** No answer came from an MCP server (it died, timed out or could not start): transient, worth a retry. */
final class McpCallFailure extends RuntimeException {
  McpCallFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
