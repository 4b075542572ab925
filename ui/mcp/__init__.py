"""The assistant as a Model Context Protocol server, for agents and MCP chat clients.

One server, two transports: stdio (`policy-assistant mcp`, ui/cli_mcp.py) and streamable
HTTP at /mcp on the web app (ui/mcp/http.py). The server itself is built in
ui/mcp/server.py; the policy tools come from the tool registry (ui/mcp/policy_tools.py)
and the resources from the corpus (ui/mcp/resources.py).
"""

from ui.mcp.server import build_mcp_server

__all__ = ["build_mcp_server"]
