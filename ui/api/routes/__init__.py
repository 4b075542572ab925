"""One small module per group of endpoints; `ui.api.app` includes them all."""
