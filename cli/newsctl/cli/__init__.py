"""The command line: the Typer app, its shared options, the guard that turns errors, signals and
closed pipes into messages and exit codes, the pipeline that wires inputs to outputs, atomic
writers and the progress bar, and the report writers."""
