"""Fills template input cells with LibreOffice Calc itself (UNO), then saves as .xlsx, as .xls (and .ods), and .xls -> .xlsx.

Usage: /usr/bin/python3 lo-fill.py JOB.json   (needs libreoffice-calc-nogui and python3-uno)
JOB: {"input", "xlsx", "xls", "xlsFromXls", "cells": [{"sheet", "address", "kind": "text"|"number"|"date", "value"}],
      "insertRowAt": {"sheet", "row"} (optional: insert a blank row before this 1-based row after filling),
      "ods" (optional: also save as OpenDocument .ods), "unprotect" (optional: remove every sheet's protection)}
or {"files": [JOB, ...]}: several files with one LibreOffice (each output optional; "cells" may be empty).
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def fill_and_save(desktop, one):
    hidden = (prop("Hidden", True),)
    doc = desktop.loadComponentFromURL(url(one["input"]), "_blank", 0, hidden)
    epoch = datetime.date(1899, 12, 30)
    for c in one.get("cells", []):
        cell = doc.Sheets.getByName(c["sheet"]).getCellRangeByName(c["address"])
        if c["kind"] == "number":
            cell.setValue(c["value"])
        elif c["kind"] == "date":
            cell.setValue((datetime.date.fromisoformat(c["value"]) - epoch).days)
        else:
            cell.setString(c["value"])
    if one.get("insertRowAt"):
        # as a clerk might: a blank row inserted between data rows (insertRows is allowed by the protection)
        sheet = doc.Sheets.getByName(one["insertRowAt"]["sheet"])
        sheet.unprotect("")
        sheet.Rows.insertByIndex(one["insertRowAt"]["row"] - 1, 1)
        sheet.protect("")
    if one.get("unprotect"):
        for sheet in doc.Sheets:
            sheet.unprotect("")
    doc.calculateAll()
    for key, filter_name in (("xlsx", "Calc MS Excel 2007 XML"), ("xls", "MS Excel 97"), ("ods", "calc8")):
        if one.get(key):
            doc.storeToURL(url(one[key]), (prop("FilterName", filter_name),))
    doc.close(True)
    if one.get("xlsFromXls"):
        again = desktop.loadComponentFromURL(url(one["xls"]), "_blank", 0, hidden)
        again.storeToURL(url(one["xlsFromXls"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        again.close(True)


def main():
    job = json.load(open(sys.argv[1], encoding="utf-8"))
    profile = tempfile.mkdtemp(prefix="rk-lo-")
    pipe = "rk%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(900):  # up to 90 s: a loaded machine starts LibreOffice slowly
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for one in job.get("files", [job]):
            fill_and_save(desktop, one)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


main()
