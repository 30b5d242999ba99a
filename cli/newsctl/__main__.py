from newsctl.app import main

main()
