"""One module per `boardsim` subcommand: `configure(parser)` and `run(args) -> int`.

Commands wire adapters and the core together; they hold no logic of their own beyond presenting results.
"""
