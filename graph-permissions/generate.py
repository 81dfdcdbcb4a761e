#!/usr/bin/env python3
"""Derive graph-permissions.tsv from Microsoft's published Graph permission metadata.

Input: permissions/new/permissions.json of github.com/microsoftgraph/microsoft-graph-devx-content
(MIT licence), the file behind the permission tables of Graph's API reference. Output: for each
Graph path and method, the application permissions (app roles) that allow it, least privileged
first. Python 3 standard library only.

Usage: generate.py PERMISSIONS_JSON SOURCE_COMMIT [CSDL_XML] > graph-permissions.tsv

CSDL_XML (optional): Graph's v1.0 CSDL, clean_v10_metadata/cleanMetadata.xml of
github.com/microsoftgraph/msgraph-metadata. The permission metadata writes most paths in lower case
("/auditlogs/signins"); Graph matches paths case-insensitively, so this changes nothing Graph does,
but completion and `permissions` then show the names as Graph's schema spells them
("/auditLogs/signIns"). Only the case of a segment changes, from the schema's Name attributes.

supplement.tsv beside this script adds the few operations Graph's API reference documents and the
metadata lacks (each with the page it comes from). Paths the metadata writes with a query string
("/x?$filter=...") are left out: a permission that depends on a query cannot be matched on the path.

Least privileged first: by the Application scheme's privilegeLevel (lower first); within a level,
the permissions the metadata marks least privileged for that path ("least=...Application...")
first, then basic reads, then reads, then the rest (writes); then by name.

Format (tab separated, one record a line, '#' lines are comments):
  R  name  privilegeLevel               one line per application role, numbered from 0 in order
  P  path  METHOD=i,j,k  METHOD=...      one line per path; i,j,k index the R lines
Paths are written as the metadata writes them; {id} and {value}-style segments are variables.
"""
import json
import os
import re
import sys

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def breadth(role):
    """Within one privilege level: basic reads, then reads, then anything that writes."""
    operation = role.split(".")[1] if "." in role else role
    if operation == "ReadBasic":
        return 0
    if operation == "Read":
        return 1
    return 2


def schema_spellings(csdl):
    """lower-case name -> the spelling Graph's schema uses most, from every Name="..." in the CSDL."""
    counts = {}
    with open(csdl, encoding="utf-8") as f:
        for name in re.findall(r'\bName="([A-Za-z][A-Za-z0-9_.]*)"', f.read()):
            by_case = counts.setdefault(name.lower(), {})
            by_case[name] = by_case.get(name, 0) + 1
    return {low: max(cases, key=lambda c: (cases[c], c)) for low, cases in counts.items()}


def recased(path, names):
    """Each all-lower-case literal segment as the schema spells it; variables and the rest unchanged."""
    segments = []
    for segment in path.split("/"):
        head, paren, tail = segment.partition("(")
        if head == head.lower() and head in names:
            head = names[head]
        segments.append(head + paren + tail)
    return "/".join(segments)


def main(source, commit, csdl=None):
    with open(source, encoding="utf-8") as f:
        permissions = json.load(f)["permissions"]

    levels = {}
    allowed = {}  # lower-case path -> method -> {role: least}
    spelling = {}  # lower-case path -> the spelling with the most capitals (Graph matches case-insensitively)
    for name, permission in permissions.items():
        scheme = permission.get("schemes", {}).get("Application")
        if scheme is None:
            continue
        levels[name] = scheme.get("privilegeLevel") or 5
        for path_set in permission.get("pathSets", []):
            if "Application" not in path_set["schemeKeys"]:
                continue
            for path, annotation in path_set["paths"].items():
                if "?" in path:
                    continue
                key = path.lower()
                if sum(c.isupper() for c in path) > sum(c.isupper() for c in spelling.get(key, "")):
                    spelling[key] = path
                spelling.setdefault(key, path)
                least = any(
                    part.startswith("least=") and "Application" in part[len("least="):].split(",")
                    for part in annotation.split(";")
                )
                for method in path_set["methods"]:
                    roles = allowed.setdefault(key, {}).setdefault(method.upper(), {})
                    roles[name] = roles.get(name, False) or least

    supplement = os.path.join(os.path.dirname(os.path.abspath(__file__)), "supplement.tsv")
    extra = {}  # (lower-case path, method) -> roles in the reference page's order
    with open(supplement, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            method, path, roles, _page = line.rstrip("\n").split("\t")
            key = path.lower()
            if method in allowed.get(key, {}):
                sys.exit("supplement.tsv: the metadata already has %s %s" % (method, path))
            spelling.setdefault(key, path)
            allowed.setdefault(key, {})[method] = {r: False for r in roles.split(",")}
            extra[(key, method)] = roles.split(",")
            for role in roles.split(","):
                if role not in levels:
                    sys.exit("supplement.tsv: %s is no application permission in the metadata" % role)

    def order(roles):
        return sorted(roles, key=lambda r: (levels[r], not roles[r], breadth(r), r.lower()))

    if csdl:
        names = schema_spellings(csdl)
        spelling = {key: recased(path, names) for key, path in spelling.items()}

    used = sorted({r for methods in allowed.values() for roles in methods.values() for r in roles}, key=str.lower)
    index = {name: i for i, name in enumerate(used)}
    out = sys.stdout
    out.write("# Graph application permissions per path and method, least privileged first.\n")
    out.write("# Source: github.com/microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json\n")
    out.write("# at commit %s (MIT licence, Copyright (c) Microsoft Graph).\n" % commit)
    if csdl:
        out.write("# Segment spelling from Graph's v1.0 CSDL (msgraph-metadata clean_v10_metadata/cleanMetadata.xml).\n")
    out.write("# Regenerate with graph-permissions/generate.py; do not edit by hand.\n")
    for name in used:
        out.write("R\t%s\t%d\n" % (name, levels[name]))
    for key in sorted(allowed):
        methods = allowed[key]
        cells = [
            "%s=%s" % (m, ",".join(str(index[r]) for r in extra.get((key, m)) or order(methods[m])))
            for m in METHODS
            if m in methods
        ]
        out.write("P\t%s\t%s\n" % (spelling[key], "\t".join(cells)))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: generate.py PERMISSIONS_JSON SOURCE_COMMIT [CSDL_XML] > graph-permissions.tsv")
    main(*sys.argv[1:])
