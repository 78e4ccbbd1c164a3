"""Letters OCR reads for digits inside numbers: `9月3O日`, `邮编：23OO01`, `2O24年`.

Only a run that starts with a digit and holds nothing but digits and O/o, standing apart from
Latin letters, digits and the punctuation of addresses, is touched, so `O2O`, `Top1O`, codes and e-mail addresses stay as
they are. Character for character: the offset map of the input stays valid.
"""
from __future__ import annotations

import re

# Not inside an address, a URL or a file name either: no `.`, `/`, `@`, `_`, `-` or `:` next to it.
_NUMBER_WITH_LETTER_O = re.compile(r"(?<![A-Za-z0-9./@_:\-])\d[0-9Oo]*[Oo][0-9Oo]*(?![A-Za-z0-9./@_:\-])")


def repair_letter_o(text: str) -> str:
    return _NUMBER_WITH_LETTER_O.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), text)
