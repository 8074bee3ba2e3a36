"""Sub-commands of ``callcenter`` beyond the app itself, one module per feature;
each exposes ``main(argv: list[str]) -> int``."""
