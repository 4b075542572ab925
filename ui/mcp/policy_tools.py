"""Every tool of the registry as an MCP tool, described and validated by the registry alone.

MCPServer derives a tool's input schema from a Python signature. The policy tools already
have their one description (tools/registry.py: the JSON schema that LLM function calling,
the REST API and the CLI use), so each is registered with that schema as it is, and a call
hands the raw arguments to the tool's own checks: a bad argument comes back as an MCP tool
error (isError) naming the argument in kk / ru / en, never as a number or a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pydantic_core
from mcp.server.mcpserver.exceptions import UnexpectedToolError
from mcp.server.mcpserver.tools import Tool
from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase, FuncMetadata
from mcp_types import CallToolResult, TextContent, ToolAnnotations

from tools import registry
from tools.errors import ToolInputError

if TYPE_CHECKING:
    from mcp.server.mcpserver.context import Context

# Pure functions of their arguments: nothing is read from the world or written to it.
PURE = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)
# The SDK validates arguments with a model of the Python signature; these tools take their
# arguments raw (PolicyTool.run), so that model is the empty one and never used.
RAW_ARGUMENTS = FuncMetadata(arg_model=ArgModelBase)


class PolicyTool(Tool):
    """A registry tool: the registry's schema, the tool's own validation and messages."""

    async def run(
        self,
        arguments: dict[str, Any],
        context: Context[Any, Any],
        convert_result: bool = False,
    ) -> CallToolResult:
        try:
            result = registry.run(self.name, arguments)
        except ToolInputError as exc:
            return input_error(self.name, exc)
        except Exception as exc:  # a bug: logged by the SDK, the client gets no traceback
            raise UnexpectedToolError(f"Error executing tool {self.name}") from exc
        data = result.to_json()
        text = pydantic_core.to_json(data, indent=2).decode()  # as the SDK writes dicts
        content = [TextContent(type="text", text=text)]
        return CallToolResult(content=content, structured_content=data)


def policy_tools() -> list[Tool]:
    """One MCP tool per registry tool, in the registry's order."""
    return [policy_tool(name) for name in registry.names()]


def policy_tool(name: str) -> PolicyTool:
    info = registry.describe(name, "en")
    spec = registry.get(name)
    return PolicyTool(
        fn=spec.function,
        name=name,
        title=spec.title["en"],
        description=info["description"],
        parameters=info["parameters"],
        fn_metadata=RAW_ARGUMENTS,
        is_async=False,
        annotations=PURE,
        meta={"descriptions": info["descriptions"], "subject": info["subject"]},
    )


def input_error(name: str, exc: ToolInputError) -> CallToolResult:
    """The tool's error as an MCP tool error: English first, then Russian and Kazakh, and the
    whole error (code, field, messages, every problem) as structured content."""
    problems = exc.details or [exc]
    lines = [f"Invalid arguments for {name}: " + " ".join(p.message["en"] for p in problems)]
    lines += [f"{lang}: " + " ".join(p.message[lang] for p in problems) for lang in ("ru", "kk")]
    return CallToolResult(
        content=[TextContent(type="text", text="\n".join(lines))],
        structured_content={"error": exc.to_dict()},
        is_error=True,
    )
