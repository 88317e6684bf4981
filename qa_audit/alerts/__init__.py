"""Alerts on unusual activity: rules over the access log (and the backup record), stored once
per burst, shown to administrators and e-mailed when SMTP is set up."""
