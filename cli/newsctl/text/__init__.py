"""Small shared helpers: script detection and the caches kept between runs (compiled
patterns, parsed TOML, the cache folder)."""
