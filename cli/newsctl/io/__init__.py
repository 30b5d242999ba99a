"""Reading: the document loader (files, folders, stdin, JSON Lines, saved HTML pages), encodings,
and streamed reading of large files."""
