"""A fake Chaos Toolkit extension for vitest-chaos's bridge tests (standard library only)."""
