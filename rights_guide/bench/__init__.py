"""Page-load model, build timing and the PERFORMANCE.md report (never imported by the build)."""
