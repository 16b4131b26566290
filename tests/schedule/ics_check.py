#!/usr/bin/python3
"""Reads the .ics files written by schedule_ics_fixture with python3-icalendar,
expands them with dateutil.rrule, and checks the dates equal chuxin's own
expansion (expected.json). Also checks RFC 5545 line rules (§3.1: CRLF,
at most 75 octets, no UTF-8 sequence split across a fold)."""
import datetime
import json
import pathlib
import sys

import icalendar
from dateutil.rrule import rruleset, rrulestr


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check_lines(name, raw):
    if b"\n" in raw.replace(b"\r\n", b""):
        fail(f"{name}: a line ends without CRLF")
    for i, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if len(line) > 75:
            fail(f"{name}:{i}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"{name}:{i}: UTF-8 sequence split by folding")


def date_list(prop):
    """RDATE/EXDATE values: one vDDDLists or a list of them."""
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    return [d.dt for p in props for d in p.dts]


def as_datetime(d):
    return datetime.datetime(d.year, d.month, d.day)


def raw_rrules(raw):
    """UID → RRULE text, read from the unfolded file itself. python3-icalendar
    4.0.3 rejects BYDAY ordinals of two digits (20MO, valid per RFC 5545
    §3.3.10) and then holds None; dateutil reads the text fine."""
    rules, uid, rule = {}, None, None
    for line in raw.replace(b"\r\n ", b"").decode("utf-8").split("\r\n"):
        if line.startswith("BEGIN:"):
            uid, rule = None, None
        elif line.startswith("UID:"):
            uid = line[4:]
        elif line.startswith("RRULE:"):
            rule = line[6:]
        elif line.startswith("END:") and uid and rule:
            rules[uid] = rule
    return rules


def expand_event(comp, rules):
    start = comp["DTSTART"].dt
    if isinstance(start, datetime.datetime):
        fail(f"{comp['UID']}: DTSTART must be a DATE")
    rset = rruleset()
    if "RRULE" in comp:
        parsed = comp["RRULE"]
        text = parsed.to_ical().decode() if parsed is not None else rules[str(comp["UID"])]
        rset.rrule(rrulestr(text, dtstart=as_datetime(start)))
    for d in date_list(comp.get("RDATE")):
        rset.rdate(as_datetime(d))
    for d in date_list(comp.get("EXDATE")):
        rset.exdate(as_datetime(d))
    dates = [d.date().isoformat() for d in rset]
    # RFC 5545 §3.8.5.3: DTSTART is always the first instance; dateutil only
    # agrees if the file made it so.
    if not dates or dates[0] != start.isoformat():
        fail(f"{comp['UID']}: DTSTART {start} is not the first instance of {dates[:3]}")
    return dates


def main(folder):
    folder = pathlib.Path(folder)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    checked = 0
    for entry in expected["files"]:
        raw = (folder / entry["file"]).read_bytes()
        check_lines(entry["file"], raw)
        cal = icalendar.Calendar.from_ical(raw)
        rules = raw_rrules(raw)
        if str(cal["X-WR-CALNAME"]) != entry["title"]:
            fail(f"{entry['file']}: X-WR-CALNAME {cal['X-WR-CALNAME']!r} != {entry['title']!r}")
        for key in ("VERSION", "PRODID"):
            if key not in cal:
                fail(f"{entry['file']}: no {key}")
        got = {}
        uids = set()
        for comp in cal.walk():
            if comp.name not in ("VEVENT", "VTODO"):
                continue
            uid = str(comp["UID"])
            if uid in uids:
                fail(f"duplicate UID {uid}")
            uids.add(uid)
            for key in ("DTSTAMP", "SUMMARY"):
                if key not in comp:
                    fail(f"{uid}: no {key}")
            base = uid.rsplit("@", 1)[0]
            if comp.name == "VEVENT":
                ev = got.setdefault(base, {"fixed": [], "windows": []})
                if ev["fixed"]:
                    fail(f"{uid}: two VEVENTs for one event")
                ev["fixed"] = expand_event(comp, rules)
            else:
                base = base.rsplit("/", 1)[0]
                ev = got.setdefault(base, {"fixed": [], "windows": []})
                ev["windows"].append([comp["DTSTART"].dt.isoformat(), comp["DUE"].dt.isoformat()])
            ev["summary"] = str(comp["SUMMARY"])
        for key, want in entry["events"].items():
            have = got.pop(key, {"fixed": [], "windows": [], "summary": None})
            if have["fixed"] != want["fixed"]:
                fail(f"{key}: icalendar+dateutil {have['fixed']} != chuxin {want['fixed']}")
            if have["windows"] != want["windows"]:
                fail(f"{key}: windows {have['windows']} != {want['windows']}")
            if want["fixed"] and have["summary"] != want["summary"] and not want["windows"]:
                fail(f"{key}: SUMMARY {have['summary']!r} != {want['summary']!r}")
            if want["windows"] and not have["summary"].startswith(want["summary"] + "（"):
                fail(f"{key}: SUMMARY {have['summary']!r} does not start with {want['summary']!r}")
            checked += 1
        if got:
            fail(f"{entry['file']}: unexpected components {sorted(got)}")
    print(f"ok: {checked} events in {len(expected['files'])} calendars agree with python3-icalendar + dateutil")


if __name__ == "__main__":
    main(sys.argv[1])
