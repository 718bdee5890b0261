"""Civil-service ranks: each PNS golongan/ruang (I/a … IV/e) and its pangkat (PP 99/2000).

Staff type a rank in `Pegawai` as "Pembina Tk. I (IV/b)", "IV/b", "IV.b", or the pangkat alone
("Pembina Tingkat I"), from which the golongan follows. A group alone ("III") is kept as the
group, for tables that count per group only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GROUPS = ("I", "II", "III", "IV")

# (golongan, pangkat), lowest first.
RANKS: tuple[tuple[str, str], ...] = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)
GOLONGAN_ORDER = tuple(g for g, _ in RANKS)
PANGKAT_OF = dict(RANKS)

_GOLONGAN = re.compile(r"\b(IV|III|II|I)\s*[/.\-]?\s*([a-e])\b", re.IGNORECASE)
_GROUP_ONLY = re.compile(r"^\s*(?:gol(?:ongan)?\.?\s*)?(IV|III|II|I)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Rank:
    """What a Pangkat/Golongan cell says: the golongan ("IV/b", or "III" alone) and whether the
    pangkat and golongan typed together disagree."""

    golongan: str
    conflict: str = ""  # the golongan the pangkat names, when it differs from the one typed

    @property
    def group(self) -> str:
        return self.golongan.split("/")[0]


def _pangkat_key(text: str) -> str:
    """'Pembina Tk. I', 'PEMBINA TINGKAT 1', 'Pembina Tk.1' → 'pembina tingkat i'."""
    s = text.lower().replace(".", " ")
    s = re.sub(r"\btk\b", "tingkat", s)
    s = re.sub(r"\btingkat\s*(1|i)\b", "tingkat i", s)
    return re.sub(r"\s+", " ", s).strip()


_GOLONGAN_BY_PANGKAT = {_pangkat_key(p): g for g, p in RANKS}


def golongan_of_pangkat(text: str) -> str | None:
    return _GOLONGAN_BY_PANGKAT.get(_pangkat_key(text))


def parse_rank(text: str) -> Rank | None:
    """The rank a cell names; None when neither a golongan nor a pangkat is recognised."""
    text = text.strip()
    if not text:
        return None
    m = _GOLONGAN.search(text)
    if m:
        golongan = f"{m.group(1).upper()}/{m.group(2).lower()}"
        rest = (text[: m.start()] + text[m.end() :]).strip(" ()-,/")
        named = golongan_of_pangkat(rest) if rest else None
        return Rank(golongan, named if named and named != golongan else "")
    m = _GROUP_ONLY.match(text)
    if m:
        return Rank(m.group(1).upper())
    named = golongan_of_pangkat(text)
    return Rank(named) if named else None


def pangkat_label(golongan: str) -> str:
    """'IV/b' → 'Pembina Tingkat I (IV/b)'; a group alone or an unknown text as it is."""
    pangkat = PANGKAT_OF.get(golongan)
    return f"{pangkat} ({golongan})" if pangkat else golongan
