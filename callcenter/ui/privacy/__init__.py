"""Personal data on screen: the "show full number" dialog and its audited reveal."""
