"""The call desk's widgets: softphone bar, screen pop, stats, sign-in, back-fill."""
