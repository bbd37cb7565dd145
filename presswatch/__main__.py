from presswatch.cli import main

main()
