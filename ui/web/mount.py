"""Mount the chat UI at / on the API app, with a theme that needs no web fonts.

(Importing this module runs ui/web/__init__.py first, which sets the environment that
keeps Gradio offline.)
"""

from __future__ import annotations

import gradio as gr
from fastapi import FastAPI

from ui.api.engine import Engine
from ui.web.app import build_ui

SYSTEM_FONTS = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "sans-serif")
MONO_FONTS = ("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace")

CSS = """
#pa-header { align-items: flex-end; }
#pa-title h2 { margin-bottom: 0.2rem; }
.pa-answer { display: flex; flex-direction: column; gap: 0.45rem; }
.pa-body { white-space: normal; }
.pa-direct { border-left: 4px solid #1a7f37; padding: 0.35rem 0.6rem; font-size: 1.05rem;
  background: rgba(26, 127, 55, 0.07); border-radius: 0.3rem; }
.pa-direct-label { font-size: 0.75rem; text-transform: uppercase; opacity: 0.75; }
.pa-badge { align-self: flex-start; font-size: 0.8rem; padding: 0.1rem 0.5rem;
  border-radius: 0.6rem; background: #fff3cd; color: #664d03; }
.pa-sources { font-weight: 600; margin-top: 0.3rem; }
.pa-card { border: 1px solid #d0d7de; border-radius: 0.5rem; padding: 0.35rem 0.6rem;
  background: rgba(127, 127, 127, 0.06); }
.pa-card summary { cursor: pointer; }
.pa-id { font-weight: 700; }
.pa-cols { display: flex; flex-wrap: wrap; gap: 0.6rem; margin-top: 0.4rem; }
.pa-col { flex: 1 1 16rem; min-width: 0; }
.pa-lang { font-size: 0.75rem; text-transform: uppercase; opacity: 0.75; margin-bottom: 0.2rem; }
.pa-official { border-left: 3px solid #0b6bcb; padding-left: 0.5rem; }
.pa-text { white-space: normal; overflow-wrap: anywhere; }
.pa-tool { border: 1px solid #d0d7de; border-radius: 0.5rem; padding: 0.4rem 0.6rem; }
.pa-tool-name { font-weight: 600; margin-bottom: 0.3rem; }
.pa-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.pa-table td, .pa-table th { border-bottom: 1px solid #e5e7eb; padding: 0.15rem 0.4rem;
  text-align: left; overflow-wrap: anywhere; }
.pa-table tr.pa-in td { opacity: 0.8; }
.pa-arith { margin-top: 0.35rem; font-size: 0.9rem; }
.pa-error { border: 1px solid #f5c2c7; background: #f8d7da; color: #58151c;
  border-radius: 0.5rem; padding: 0.4rem 0.6rem; }
.pa-disclosure { font-size: 0.75rem; opacity: 0.7; }
@media (max-width: 640px) {
  #pa-header { flex-direction: column; align-items: stretch; }
  .pa-col { flex-basis: 100%; }
  .pa-table { font-size: 0.8rem; }
}
"""


def theme() -> gr.themes.Base:
    return gr.themes.Soft(primary_hue="blue", font=SYSTEM_FONTS, font_mono=MONO_FONTS)


def mount_ui(app: FastAPI, engine: Engine, *, assistant_url: str, path: str = "/") -> FastAPI:
    """`assistant_url` is the link the UI's disclosure statements name."""
    blocks = build_ui(engine, assistant_url=assistant_url)
    return gr.mount_gradio_app(
        app,
        blocks,
        path=path,
        theme=theme(),
        css=CSS,
        footer_links=[],
        ssr_mode=False,
        show_error=False,
    )
