/**
 * MCP servers as a tool source: servers launched over stdio from configuration (langchain4j-mcp's client), their
 * tools bridged into the Nightshift tool registry. Start at {@link io.nightshift.tools.mcp.McpToolSource}.
 */
package io.nightshift.tools.mcp;
