#!/usr/bin/env python3
"""Accessibility checks that need no network, on pages as the browser rendered them (saved by
service_browser.py): service_html_check.py FILE.html…

Per page: <html lang> is fr or en; a non-empty <title>; exactly one <h1>; headings do not skip a level
going down (h2 then h4); every form field (input other than hidden/submit/button, select, textarea) has a
label (<label for>, an enclosing <label>, aria-label or aria-labelledby); every button and link has a
text or an aria-label; every <img> has an alt; every <svg> is either hidden (aria-hidden) or named
(role="img" with aria-label/aria-labelledby or a <title>); ids are unique and aria-describedby /
aria-labelledby / label for= point at existing ids; data tables have header cells; a skip link leads to
an existing target. Prints one line per problem (file, what); exits 1 when there is any.
"""

import re
import sys
from html.parser import HTMLParser

FIELDS = {"input", "select", "textarea"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.title = ""
        self.headings = []
        self.ids = []
        self.references = []  # (attribute, id)
        self.labels_for = set()
        self.fields = []  # (description, id, named, inside label)
        self.problems = []
        self.stack = []  # open elements: [tag, attrs, text]
        self.tables = []  # [has th]
        self.skip_targets = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        for name in ("aria-describedby", "aria-labelledby"):
            for reference in (attributes.get(name) or "").split():
                self.references.append((name, reference))
        if tag == "label" and attributes.get("for"):
            self.labels_for.add(attributes["for"])
            self.references.append(("label for", attributes["for"]))
        inside_label = any(element[0] == "label" for element in self.stack)
        named = bool(attributes.get("aria-label") or attributes.get("aria-labelledby") or attributes.get("title"))
        if tag in FIELDS and not (tag == "input" and attributes.get("type", "text") in UNLABELLED_INPUTS):
            description = f"<{tag} name={attributes.get('name')!r}>"
            self.fields.append((description, attributes.get("id"), named, inside_label))
        if tag == "img" and "alt" not in attributes:
            self.problems.append(f"<img src={attributes.get('src')!r}> without alt")
        if tag == "a" and (attributes.get("href") or "").startswith("#") and "skip" in (attributes.get("class") or ""):
            self.skip_targets.append(attributes["href"][1:])
        if tag == "table":
            self.tables.append(False)
        if tag == "th" and self.tables:
            self.tables[-1] = True
        if tag not in VOID:
            self.stack.append([tag, attributes, ""])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        for element in self.stack:
            element[2] += data

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag, attributes, text = self.stack.pop()
            if open_tag == tag:
                break
        else:
            return
        text = " ".join(text.split())
        named = attributes.get("aria-label") or attributes.get("aria-labelledby")
        if tag == "title" and not any(element[0] == "svg" for element in self.stack):
            self.title = text
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append((int(tag[1]), text))
            if not text:
                self.problems.append(f"empty <{tag}>")
        elif tag in ("button", "a") and not (text or named):
            if tag == "button" or attributes.get("href"):
                self.problems.append(f"<{tag} {attributes.get('href') or ''}> without text or aria-label")
        elif tag == "svg":
            hidden = attributes.get("aria-hidden") == "true"
            if not (hidden or named or attributes.get("data-titled")):
                self.problems.append("<svg> neither aria-hidden nor named (aria-label, aria-labelledby or <title>)")
        elif tag == "table":
            if not self.tables.pop():
                self.problems.append("<table> without header cells (<th>)")

    def finish(self):
        if self.lang not in ("fr", "en"):
            self.problems.append(f"<html lang={self.lang!r}>: expected fr or en")
        if not self.title:
            self.problems.append("no <title>")
        h1 = [text for level, text in self.headings if level == 1]
        if len(h1) != 1:
            self.problems.append(f"{len(h1)} <h1> (expected one)")
        previous = 0
        for level, text in self.headings:
            if level > previous + 1 and previous:
                self.problems.append(f"heading h{level} {text[:40]!r} after h{previous}: a level is skipped")
            previous = level
        seen = set()
        for identifier in self.ids:
            if identifier in seen:
                self.problems.append(f"id {identifier!r} used twice")
            seen.add(identifier)
        for attribute, reference in self.references:
            if reference not in seen:
                self.problems.append(f"{attribute}={reference!r}: no element has that id")
        for description, identifier, named, inside_label in self.fields:
            if not (named or inside_label or (identifier and identifier in self.labels_for)):
                self.problems.append(f"{description} without a label")
        for target in self.skip_targets:
            if target not in seen:
                self.problems.append(f"skip link to #{target}: no such id")
        return self.problems


def check(path):
    text = open(path, encoding="utf-8").read()
    page = Page()
    # An <svg> whose first child is a <title> is named by it: mark those before parsing.
    text = re.sub(
        r"<svg\b([^>]*)>(\s*<title\b)",
        lambda m: f"<svg{m.group(1)} data-titled=\"1\">{m.group(2)}",
        text,
    )
    page.feed(text)
    page.close()
    return page.finish()


def main():
    failures = 0
    for path in sys.argv[1:]:
        for problem in check(path):
            print(f"{path}: {problem}")
            failures += 1
    print(f"{len(sys.argv) - 1} pages checked, {failures} accessibility problems")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
