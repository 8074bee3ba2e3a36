"""The desk as a SIP user agent (pjsua2), plus a Kamailio runner and a test caller."""
