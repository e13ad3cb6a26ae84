#!/usr/bin/python3
"""Makes assets/fonts/NotoSansSC-subset.otf, the font every PDF is set in, so PDFs do not
depend on fonts installed on the machine (the Windows kiosks have no Noto CJK).

Source: Noto Sans CJK SC Regular from Debian's fonts-noto-cjk (SIL OFL 1.1). Characters:
the 通用规范汉字表 (8105, Unihan kTGH) and GB 2312 (kGB0) from Debian's unicode-data, the
surname characters of pinyin-pro (rare name characters), and the Latin, punctuation and
symbol blocks a court document uses. Characters outside it are drawn from a system CJK font
where one is installed (src-main/printing/pdf-fonts.ts).

Regenerate (the output is committed; only this step needs the tools):
  apt-get install -y fonttools fonts-noto-cjk unicode-data
  /usr/bin/python3 scripts/fonts/make-noto-sc-subset.py
"""
import bz2
import re
import textwrap
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
SC_INDEX = 2  # NotoSansCJKsc-Regular in the collection
UNIHAN = Path('/usr/share/unicode/Unihan_OtherMappings.txt.bz2')
SURNAMES = ROOT / 'node_modules/pinyin-pro/dist/esm/data/surname.mjs'
DEBIAN_COPYRIGHT = Path('/usr/share/doc/fonts-noto-cjk/copyright')
OUT = ROOT / 'assets/fonts/NotoSansSC-subset.otf'

BLOCKS = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: ¥ · × ÷ °
    (0x0100, 0x017F),  # Latin Extended-A (pinyin with tone marks)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C7, 0x02C9), (0x02CA, 0x02CB), (0x02D9, 0x02D9),
    (0x0391, 0x03C9),  # Greek (GB 2312 row 6)
    (0x0401, 0x0451),  # Cyrillic (GB 2312 row 7)
    (0x2010, 0x2030), (0x2032, 0x2033), (0x203B, 0x203B),  # dashes, quotes, ‰ ′ ″ ※
    (0x2103, 0x2103), (0x2116, 0x2116), (0x2121, 0x2121),  # ℃ № ℡
    (0x2160, 0x217F),  # Ⅰ Ⅱ … roman numerals
    (0x2190, 0x2199),  # arrows
    (0x2460, 0x249B),  # ① ⑴ ⒈
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25CF),  # ■ □ ▲ △ ◆ ◇ ○ ●
    (0x2605, 0x2606),  # ★ ☆
    (0x2713, 0x2717),  # ✓ ✗
    (0x3000, 0x303F),  # CJK punctuation: 、。〈〉《》「」『』【】〔〕
    (0x3220, 0x3243),  # ㈠ … ㈩
    (0x32A3, 0x32A3),  # ㊣
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF5E),  # full-width ASCII: （）：；，！？０-９Ａ-Ｚ
    (0xFFE0, 0xFFE5),  # ￠ ￡ ￢ ￣ ￤ ￥
]


def unihan_codepoints(field):
    pattern = re.compile(r'^U\+([0-9A-F]+)\t' + field + r'\t')
    with bz2.open(UNIHAN, 'rt', encoding='utf-8') as f:
        return {int(m.group(1), 16) for line in f if (m := pattern.match(line))}


def surname_codepoints():
    text = SURNAMES.read_text(encoding='utf-8')
    return {ord(c) for key in re.findall(r'^\s+(\S+):', text, re.M) for c in key if ord(c) >= 0x3400}


def ofl_text(font):
    # The OFL text as Debian ships it with the font (copyright file, "License: SIL-1.1").
    body = DEBIAN_COPYRIGHT.read_text(encoding='utf-8').split('License: SIL-1.1\n', 2)[2]
    body = body.split('\nLicense:', 1)[0]
    lines = ['' if line.strip() == '.' else line[1:] for line in body.splitlines()]
    name = font['name']
    head = [
        f"{name.getDebugName(0)} (Noto Sans CJK SC, {name.getDebugName(5)})",
        name.getDebugName(7),
        '',
        'assets/fonts/NotoSansSC-subset.otf is a subset of NotoSansCJKsc-Regular made by',
        'scripts/fonts/make-noto-sc-subset.py. It is licensed, like the original, under:',
        '',
    ]
    return '\n'.join(head + lines).rstrip() + '\n'


def main():
    font = TTCollection(str(SOURCE)).fonts[SC_INDEX]
    wanted = unihan_codepoints('kTGH') | unihan_codepoints('kGB0') | surname_codepoints()
    for lo, hi in BLOCKS:
        wanted.update(range(lo, hi + 1))
    cmap = font.getBestCmap()
    present = sorted(cp for cp in wanted if cp in cmap)

    options = subset.Options()
    options.layout_features = ['*']  # keep vertical forms and proportional/width features
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.hinting = False  # PDFs are printed, not rasterised at small sizes on screen
    options.desubroutinize = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=present)
    sub.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    (OUT.parent / 'OFL.txt').write_text(ofl_text(font), encoding='utf-8')
    han = sum(1 for cp in present if 0x3400 <= cp <= 0x9FFF or cp >= 0x20000)
    print(f'{OUT.relative_to(ROOT)}: {len(present)} characters ({han} hanzi), '
          f'{OUT.stat().st_size / 1e6:.2f} MB; missing from the source: {len(wanted) - len(present)}')


main()
