#!/usr/bin/python3
"""What a screen reader is given by IBC Desk, read the way Orca reads it.

Runs ibc-desk on the X display it is given, with Qt's AT-SPI bridge on, and reads the window
through pyatspi (the library Orca is built on), over the session's accessibility bus. Checks:

- every control a person can reach with the keyboard (buttons, check boxes, combo boxes, spin
  buttons, text fields, tables, trees, tab lists) has a name, in English and in Welsh;
- each dashboard chart's "Show as table" check box, pressed through its AT-SPI action, shows a
  table named after the chart whose column headers and cells have text, and Orca's reading of its
  first row is printed.

Usage (scripts/a11y-check runs it inside dbus-run-session and xvfb-run):
    a11y_tree.py IBC_DESK CACHE
Exit status: 0 if every check passes, 1 if one fails, 2 if the desk could not be read at all.
"""

import os
import subprocess
import sys
import time

import pyatspi

NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_PAGE_TAB_LIST, pyatspi.ROLE_SLIDER,
}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def walk(node, path=(), depth=0):
    """Every node under `node`, with the names of the nodes above it."""
    if node is None or depth > 40:
        return
    try:
        name = node.name or ""
        role = node.getRole()
    except Exception:  # a node that went away while it was read
        return
    yield node, role, name, path
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, path + (name or node.getRoleName(),), depth + 1)


def find_desk(timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == "ibc-desk":
                return app
        time.sleep(0.5)
    return None


def wait_for(app, predicate, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for node, role, name, path in walk(app):
            if predicate(node, role, name):
                return node
        time.sleep(0.5)
    return None


def showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def check_names(app, language):
    unnamed = []
    for node, role, name, path in walk(app):
        if role not in NAMED_ROLES or name.strip():
            continue
        state = node.getState()
        if not state.contains(pyatspi.STATE_FOCUSABLE):
            continue
        unnamed.append("%s at %s" % (node.getRoleName(), " > ".join(p for p in path if p)[-160:]))
    for u in unnamed:
        fail("%s: a %s has no name" % (language, u))
    return unnamed


def press(node, wanted=("toggle", "press", "click")):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i).lower() in wanted:
            return action.doAction(i)
    return False


def check_charts_as_tables(app):
    boxes = [(n, name) for n, role, name, _ in walk(app)
             if role == pyatspi.ROLE_CHECK_BOX and name.startswith("Show ") and name.endswith(" as a table")]
    if len(boxes) != 4:
        fail("the dashboard has %d 'Show … as a table' check boxes, not 4" % len(boxes))
    for box, name in boxes:
        title = name[len("Show "):-len(" as a table")]
        if not press(box):
            fail("'%s' has no action a screen reader can use" % name)
            continue
        table = wait_for(app, lambda n, r, nm: r == pyatspi.ROLE_TABLE and nm == title and showing(n), 10)
        if table is None:
            fail("pressing '%s' shows no table named '%s'" % (name, title))
            continue
        t = table.queryTable()
        if t.nRows < 1 or t.nColumns < 2:
            fail("the table '%s' has %d rows and %d columns" % (title, t.nRows, t.nColumns))
            continue
        headers = [t.getColumnHeader(c).name if t.getColumnHeader(c) else "" for c in range(t.nColumns)]
        cells = [t.getAccessibleAt(0, c).name for c in range(t.nColumns)]
        if not all(h.strip() for h in headers):
            fail("the table '%s' has a column with no header: %s" % (title, headers))
        if not all(c.strip() for c in cells):
            fail("the table '%s' has an empty cell in its first row: %s" % (title, cells))
        print("  %s (%d rows): %s" % (title, t.nRows, "; ".join("%s: %s" % hc for hc in zip(headers, cells))))
        press(box)  # back to the chart


def run(desk, cache, language, env_lang):
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb", LANG=env_lang,
               LANGUAGE="", LC_ALL="")
    proc = subprocess.Popen([desk, "--cache", cache, "--user", "priya.shah", "--view", "dashboard"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        app = find_desk(60)
        if app is None:
            print("ibc-desk did not appear on the accessibility bus:\n" + proc.stderr.read().decode()[-2000:]
                  if proc.poll() is not None else "ibc-desk did not appear on the accessibility bus")
            sys.exit(2)
        # The dashboard's figures are on screen once the partners' table has rows.
        if wait_for(app, lambda n, r, nm: r == pyatspi.ROLE_TABLE and showing(n) and n.queryTable().nRows > 0
                    and n.queryTable().nColumns > 5, 60) is None:
            fail("%s: the dashboard's tables never filled" % language)
        print("%s: the window as a screen reader is given it" % language)
        unnamed = check_names(app, language)
        print("  every control reached from the keyboard has a name" if not unnamed
              else "  %d controls have no name" % len(unnamed))
        if language == "English":
            check_charts_as_tables(app)
        else:
            english = [name for _, role, name, _ in walk(app)
                       if role == pyatspi.ROLE_CHECK_BOX and name.startswith("Show ")]
            if english:
                fail("Welsh: check boxes still named in English: %s" % english)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    desk, cache = sys.argv[1], sys.argv[2]
    run(desk, cache, "English", "en_GB.UTF-8")
    run(desk, cache, "Welsh", "cy_GB.UTF-8")
    if failures:
        print("%d accessibility check(s) failed" % len(failures))
        sys.exit(1)
    print("every accessibility check passed")


if __name__ == "__main__":
    main()
