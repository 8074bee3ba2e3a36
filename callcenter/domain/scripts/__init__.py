"""The script library as pure rules: what a script is, how its placeholders are
rendered (a missing value shows as a visible blank), which script applies to a
call phase, how a guided script branches, and what is wrong with a script file.

Stdlib only; no clock is needed (scripts do not depend on time).
"""
