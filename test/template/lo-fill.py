"""Fills template input cells with LibreOffice Calc itself (UNO), then saves as .xlsx, as .xls (and .ods), and .xls -> .xlsx.

Usage: /usr/bin/python3 lo-fill.py JOB.json   (needs libreoffice-calc-nogui and python3-uno)
JOB: {"input", "xlsx", "xls", "xlsFromXls", "ods" (optional), "cells": [{"sheet", "address", "kind": "text"|"number"|"date", "value"}],
      "insertRowAt": {"sheet", "row"} (optional: insert a blank row before this 1-based row after filling)}
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
        hidden = (prop("Hidden", True),)
        doc = desktop.loadComponentFromURL(url(job["input"]), "_blank", 0, hidden)
        epoch = datetime.date(1899, 12, 30)
        for c in job["cells"]:
            cell = doc.Sheets.getByName(c["sheet"]).getCellRangeByName(c["address"])
            if c["kind"] == "number":
                cell.setValue(c["value"])
            elif c["kind"] == "date":
                cell.setValue((datetime.date.fromisoformat(c["value"]) - epoch).days)
            else:
                cell.setString(c["value"])
        if job.get("insertRowAt"):
            # as a clerk might: a blank row inserted between data rows (insertRows is allowed by the protection)
            sheet = doc.Sheets.getByName(job["insertRowAt"]["sheet"])
            sheet.unprotect("")
            sheet.Rows.insertByIndex(job["insertRowAt"]["row"] - 1, 1)
            sheet.protect("")
        doc.calculateAll()
        doc.storeToURL(url(job["xlsx"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.storeToURL(url(job["xls"]), (prop("FilterName", "MS Excel 97"),))
        if job.get("ods"):
            doc.storeToURL(url(job["ods"]), (prop("FilterName", "calc8"),))
        doc.close(True)
        again = desktop.loadComponentFromURL(url(job["xls"]), "_blank", 0, hidden)
        again.storeToURL(url(job["xlsFromXls"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        again.close(True)
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
