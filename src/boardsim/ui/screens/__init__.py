"""The app's screens: picker, set-up, facilitator console, privacy, seat, projector, help, and the modals."""
