"""The app shell and what every feature shares: window, fonts, i18n, labels, timers."""
