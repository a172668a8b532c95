"""Reads the plain-text report of `intake eval` into numbers.

Shared by scripts/cross-validate and scripts/quality-table so that both
read the report the same way.
"""
import re

SECTION = re.compile(r"^== (rules alone|rules and model)")
MACRO = re.compile(r"^\s+macro f1\s+([0-9.]+)")
DIMENSION = re.compile(r"^(article14|activity_group|activity|theme)\s+precision")
STANCE = re.compile(r"^stance accuracy ([0-9.]+)")
ECE = re.compile(r"^ECE (\w+)\s+([0-9.]+)\s+([0-9.]+)")
SHARE = re.compile(r"^passages to review: share\s+([0-9.]+)\s+([0-9.]+)")
ACCEPTED = re.compile(
    r"^accepted labels: precision \(n\)\s+([0-9.]+) \(\d+\)\s+([0-9.]+)")
SECTIONS = ("rules alone", "rules and model")


def parse(report):
    """{(section, measure): value}; measures are the dimensions' macro F1,
    "stance" (accuracy), "ece:DIMENSION", "accepted" and "review"."""
    out, section, dimension = {}, None, None
    for line in report.splitlines():
        if m := SECTION.match(line):
            section = m.group(1)
        elif m := DIMENSION.match(line):
            dimension = m.group(1)
        elif (m := MACRO.match(line)) and section and dimension:
            out[(section, dimension)] = float(m.group(1))
        elif (m := STANCE.match(line)) and section:
            out[(section, "stance")] = float(m.group(1))
        elif m := ECE.match(line):
            for s, value in zip(SECTIONS, m.groups()[1:]):
                out[(s, "ece:" + m.group(1))] = float(value)
        elif m := SHARE.match(line):
            for s, value in zip(SECTIONS, m.groups()):
                out[(s, "review")] = float(value)
        elif m := ACCEPTED.match(line):
            for s, value in zip(SECTIONS, m.groups()):
                out[(s, "accepted")] = float(value)
    return out
