#!/usr/bin/env python3
"""Danish spelling of every text a user reads: the message bundles (i18n/*.properties) and the texts written into
the page templates (views/**/*.html: text between tags, and quoted phrases inside th: expressions), checked with
hunspell and Debian's Danish dictionary (hunspell-da) plus our own word list (.ci/ordliste.txt: terms of the
trade, names, abbreviations). Prints each unknown word with where it occurs; exit code 1 when there is one.

Usage: .ci/spellcheck.py            (from the repository root; .ci/run calls it before the tests)
"""
import glob
from html.parser import HTMLParser
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = os.path.join(ROOT, ".ci", "ordliste.txt")
# Addresses and placeholders such as https://login.microsoftonline.com/<tenant-id>/v2.0 are not prose.
# So are names of settings (BESKPLAN_SSO_SECRET_KEY).
NOT_WORDS = re.compile(r"https?://\S+|<[^>\s]+>|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:-[A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")


def bundle_texts(path):
    with open(path, encoding="iso-8859-1" if not is_utf8(path) else "utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            value = line.split("=", 1)[1]
            value = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), value)
            value = re.sub(r"\\[ntrf]", " ", value)  # escaped line breaks in mail texts
            value = NOT_WORDS.sub(" ", value)
            # Message formats: {0}, {0,number,integer}, {0,choice,0#ingen|1#én|1<{0} flere}: keep the words only.
            value = re.sub(r"\{\d+(,\s*(number|date|time)(,\s*\w+)?)?\}", " ", value)
            value = re.sub(r"\{\d+,\s*choice,", " ", value)
            value = re.sub(r"\d+[#<]", " ", value)
            yield number, value


def _is_text(literal):
    """A phrase for people, not ids ('value-hint value-error'), class names or JSON for htmx."""
    if "{" in literal or '"' in literal:
        return False
    tokens = literal.split()
    if not tokens:
        return False
    identifiers = [t for t in tokens if "-" in t or re.search(r"[a-z][A-Z]", t)]
    return len(identifiers) < len(tokens) and (len(tokens) > 1 or re.search(r"[æøåÆØÅ]", literal) is not None)


class _TemplateText(HTMLParser):
    """Text nodes, literal labels and quoted phrases in th: expressions; not comments, styles or scripts."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.skip = 0
        self.open = []  # (tag, skips its text) for each open element

    def handle_starttag(self, tag, attrs):
        # Not prose: styles, scripts, code samples, and the sample text of an element whose text Thymeleaf replaces.
        replaced = any(name in ("th:text", "th:utext") for name, _ in attrs)
        if tag not in self.VOID:
            skips = tag in ("style", "script", "code") or replaced
            self.open.append((tag, skips))
            if skips:
                self.skip += 1
        line = self.getpos()[0]
        for name, value in attrs:
            if not value:
                continue
            if name.startswith("th:"):
                # Quoted phrases inside Thymeleaf expressions, e.g. th:text="'Mødedato: ' + ${date}".
                for literal in re.findall(r"'([^']*)'", value):
                    if _is_text(literal):
                        self.texts.append((line, literal))
            elif name in ("aria-label", "title", "alt", "placeholder") and not re.search(r"[$#@{]", value):
                self.texts.append((line, value))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not any(t == tag for t, _ in self.open):
            return
        while self.open:
            t, skips = self.open.pop()
            if skips:
                self.skip -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            self.texts.append((self.getpos()[0], NOT_WORDS.sub(" ", data)))


def template_texts(path):
    with open(path, encoding="utf-8") as f:
        parser = _TemplateText()
        parser.feed(f.read())
    return parser.texts


def is_utf8(path):
    with open(path, "rb") as f:
        try:
            f.read().decode("utf-8")
            return True
        except UnicodeDecodeError:
            return False


def main():
    occurrences = {}
    files = sorted(glob.glob(os.path.join(ROOT, "modules", "*", "src", "main", "resources", "i18n", "*.properties")))
    templates = sorted(glob.glob(os.path.join(ROOT, "modules", "*", "src", "main", "resources", "views", "**", "*.html"), recursive=True))
    for path in files + templates:
        texts = bundle_texts(path) if path.endswith(".properties") else template_texts(path)
        for number, text in texts:
            for word in WORD.findall(text):
                for part in [word] + (word.split("-") if "-" in word else []):
                    if len(part) > 1:
                        occurrences.setdefault(part, f"{os.path.relpath(path, ROOT)}:{number}")
    result = subprocess.run(["hunspell", "-d", "da_DK", "-p", WORDS, "-l"], input="\n".join(occurrences),
                            capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return 2
    unknown = sorted(set(w for w in result.stdout.split() if w))
    # A hyphenated word is fine when each of its parts is.
    unknown = [w for w in unknown if "-" not in w or any(p in unknown for p in w.split("-"))]
    print(f"spelling: {len(occurrences)} different words in {len(files)} message bundles and {len(templates)} templates")
    for word in unknown:
        print(f"  unknown word: {word}  ({occurrences.get(word, '?')})")
    if unknown:
        print(f"spelling: {len(unknown)} unknown word(s). Correct them, or add a term of our own to .ci/ordliste.txt")
        return 1
    print("spelling: all words known")
    return 0


if __name__ == "__main__":
    sys.exit(main())
