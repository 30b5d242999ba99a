from newsctl.cli.app import main

main()
