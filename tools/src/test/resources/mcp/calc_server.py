"""A small MCP server over stdio for Nightshift's tests, on the official Python SDK (mcp 2.3.0, which the
tests provision from provisioning/python's hash-pinned lock; its MCPServer is v1's FastMCP renamed).

add computes; divide raises a ToolError on a zero denominator (a tool-level error: isError with the message);
overloaded raises a protocol error (-32603, internal error); crash ends the process in the middle of a call;
whoami tells the process id, so a test can tell a restarted server from the first one; environment tells what
the server was started with, so a test can check no secret of the runtime reached it.
"""
import json
import os

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.shared.exceptions import MCPError

server = MCPServer("calc")


@server.tool()
def add(a: int, b: int) -> str:
    """Adds two whole numbers and returns the sum."""
    return str(a + b)


@server.tool()
def divide(numerator: float, denominator: float) -> str:
    """Divides numerator by denominator; fails when the denominator is zero."""
    if denominator == 0:
        raise ToolError("cannot divide " + str(numerator) + " by zero")
    return str(numerator / denominator)


@server.tool()
def overloaded() -> str:
    """Always answers with a JSON-RPC internal error, as a server that is busy or broken for now would."""
    raise MCPError(-32603, "the server is overloaded, try again later")


@server.tool()
def crash() -> str:
    """Ends the server process without answering."""
    os._exit(3)


@server.tool()
def whoami() -> str:
    """The process id of this server."""
    return str(os.getpid())


@server.tool()
def environment() -> str:
    """The server's environment variables, as a JSON object."""
    return json.dumps(dict(os.environ), sort_keys=True)


if __name__ == "__main__":
    server.run("stdio")
