#!/usr/bin/env python3
"""Prints a Gatling report's per-request numbers as a Markdown table: count, errors, throughput, percentiles."""
import json, os, re, sys

report = sys.argv[1]
path = os.path.join(report, "js", "stats.json")
if not os.path.exists(path):  # older layouts keep the same data in stats.js
    text = open(os.path.join(report, "js", "stats.js")).read()
    text = text[text.index("{"):text.index("function fillStats")]
    text = text[:text.rindex("}") + 1]
    text = re.sub(r'(?m)^(\s*)(\w+):', r'\1"\2":', text)  # a JavaScript object literal: quote its bare keys
    data = json.loads(text)
else:
    data = json.load(open(path))

def row(name, s):
    def v(key):
        return s[key]["total"]
    return "| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        name, v("numberOfRequests"), v("numberOfRequests") and s["numberOfRequests"]["ko"],
        v("meanNumberOfRequestsPerSecond"), v("percentiles1"), v("percentiles2"), v("percentiles3"),
        v("maxResponseTime"), v("meanResponseTime"))

print()
print("| request | count | errors | req/s | p50 ms | p99 ms | p99.9 ms | max ms | mean ms |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
print(row("**all**", data["stats"]))
for content in sorted(data.get("contents", {}).values(), key=lambda c: c["name"]):
    print(row(content["name"], content["stats"]))
print()
print("Report: %s/index.html" % os.path.basename(os.path.normpath(report)))
