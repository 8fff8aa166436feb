"""The command palette (Ctrl+P) entries for the facilitator's commands, offered on the console only."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class FacilitatorCommands(Provider):
    """Every console command by name ("Trigger inject", "Rewind", ...) and every console tab."""

    def _entries(self) -> list[tuple[str, str, str]]:
        from .screens.console import ConsoleScreen
        from .screens.console_commands import COMMANDS, TABS

        # Only on the console: a seat or privacy screen must not offer the facilitator's controls.
        if not isinstance(self.screen, ConsoleScreen):
            return []
        entries = [(label, action, help_text) for action, label, help_text in COMMANDS]
        entries += [
            (f"Show the {label.split(' ', 1)[1]} tab", f"show_tab('{tab}')", f"Console tab {label}")
            for tab, label in TABS
        ]
        return entries

    async def discover(self) -> Hits:
        screen = self.screen
        for label, action, help_text in self._entries():
            yield DiscoveryHit(label, partial(screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self.screen
        for label, action, help_text in self._entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(screen.run_action, action), help=help_text)
