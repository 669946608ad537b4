"""factbot: sourced answers about rule-of-law cooperation with Morocco."""
