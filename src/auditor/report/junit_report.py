"""JUnit XML for CI systems: one test suite per file, one failing test case per finding."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..findings import SEVERITY_ZH


def render(results, rules, **options) -> str:
    suites = ET.Element("testsuites", name="auditor")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in results:
        suite = ET.SubElement(suites, "testsuite", name=result.path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if result.error:
            case = ET.SubElement(suite, "testcase", classname=result.path, name="读取文件")
            ET.SubElement(case, "error", message=result.error, type="unreadable").text = result.error
            counts["tests"] += 1
            counts["errors"] += 1
        elif not result.findings:
            ET.SubElement(suite, "testcase", classname=result.path, name="一致性检查")
            counts["tests"] += 1
        for na in result.not_assessable:
            case = ET.SubElement(suite, "testcase", classname=f"{result.path}.{na['rule']}",
                                 name=f"{na['rule']} 未能评估")
            ET.SubElement(case, "skipped", message=f"未能评估：{na['reason']}")
            counts["tests"] += 1
            counts["skipped"] += 1
        for f in result.findings:
            case = ET.SubElement(suite, "testcase", classname=f"{result.path}.{f.rule}",
                                 name=f"{f.rule} {f.location.describe()}")
            counts["tests"] += 1
            body = "\n".join(x for x in (f.message, f"引文：{f.quote}", f"计算：{f.formula or ''}") if x)
            if f.status != "new":
                ET.SubElement(case, "skipped", message=f"{f.status}: {f.message}")
                counts["skipped"] += 1
            elif f.severity == "info":
                ET.SubElement(case, "system-out").text = body
            else:
                ET.SubElement(case, "failure", message=f.message, type=f"{SEVERITY_ZH[f.severity]} {f.cls}").text = body
                counts["failures"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
