"""Running a task over many documents: the per-command tasks, the serial and pooled runner, the
Dask engine, what they share (outcomes, chunks), and the reduce step of reports."""
