"""The Gradio chat UI, mounted at / on the API's FastAPI app.

Nothing may be fetched from the internet at run time: Gradio's analytics and version
check are switched off before gradio is first imported, and the theme uses system fonts.
"""

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("GRADIO_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
