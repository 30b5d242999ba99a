import sys

try:
    from newsctl.cli.app import main
except KeyboardInterrupt:  # Ctrl-C while the program is still loading: no traceback either
    sys.stderr.write("newsctl: interrupted\n")
    raise SystemExit(130) from None

main()
