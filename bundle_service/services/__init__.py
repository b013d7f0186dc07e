"""Domain logic of the bundle: rules, calendars, numbering, filing and the department workflow."""
