"""Where the quotations of a text are: quotation marks paired within each paragraph, and a quotation that runs on
over paragraphs in the news style (a paragraph left open, the next one opened again) kept whole. Pure text; who
says a quotation is :mod:`kg.speech`'s concern."""
from __future__ import annotations

import re

_QUOTE = re.compile(r"[\"“”]")


def quotations(text: str) -> list[tuple[tuple[int, int], ...]]:
    """Every quotation of ``text`` as its stretches, one per paragraph, each (opening mark, closing mark or the
    paragraph's end). '"A.\\n\\n"B," he said' is one quotation of two stretches; an opening mark left unclosed
    whose next paragraph does not open with a quotation mark is no quotation (a stray mark)."""
    out: list[tuple[tuple[int, int], ...]] = []
    running: list[tuple[int, int]] = []  # the stretches of a quotation left open at the last paragraph's end
    offset = 0
    for paragraph in text.split("\n\n"):
        marks = [offset + m.start() for m in _QUOTE.finditer(paragraph)]
        end_of_paragraph = offset + len(paragraph.rstrip())
        offset += len(paragraph) + 2
        if running and not (marks and marks[0] == end_of_paragraph - len(paragraph.strip())):
            running = []  # the open quotation is not taken up again: a stray mark
        pairs = [(a, b) for a, b in zip(marks[::2], marks[1::2]) if text[a] != "”" and text[b] != "“"]
        if running and pairs:
            out.append((*running, pairs[0]))
            pairs, running = pairs[1:], []
        out.extend((pair,) for pair in pairs)
        opened = marks[-1] if len(marks) % 2 and text[marks[-1]] != "”" else None
        if opened is None:
            running = []
        elif running and len(marks) == 1:
            running.append((opened, end_of_paragraph))  # a third paragraph of the same quotation
        else:
            running = [(opened, end_of_paragraph)]
    return out
