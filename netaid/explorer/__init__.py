"""The treatment-option explorer: the profile, the rule engine, options, outcomes, compare, values."""
