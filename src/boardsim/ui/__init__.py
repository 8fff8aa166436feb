"""The Textual user interface: the facilitator's console, the board members' seats and the projector view.

`build_app` (in `boardsim.ui.app`) makes the app for both `boardsim play` and the tests. The engine is driven
from `boardsim.ui.controller` only, on a worker thread; screens and widgets render the views it hands over.
"""
