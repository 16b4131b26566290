# Writes a one-glyph CFF (OpenType/PostScript outlines) font to argv[1]:
# test_fonts checks that such a font is refused (libharu reads only glyf).
import sys
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
def glyph(width, pts):
    pen = T2CharStringPen(width, None)
    pen.moveTo(pts[0])
    for p in pts[1:]: pen.lineTo(p)
    pen.closePath()
    return pen.getCharString()
fb = FontBuilder(1000, isTTF=False)
fb.setupGlyphOrder([".notdef", "uni515A"])
fb.setupCharacterMap({0x515A: "uni515A"})
fb.setupCFF("ChuxinTestCFF-Regular", {"FullName": "Chuxin Test CFF"},
            {".notdef": glyph(500, [(0, 0), (0, 10), (10, 0)]),
             "uni515A": glyph(1000, [(50, 0), (50, 800), (950, 0)])}, {})
fb.setupHorizontalMetrics({".notdef": (500, 0), "uni515A": (1000, 0)})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({"familyName": "Chuxin Test CFF", "styleName": "Regular"})
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
fb.setupPost()
fb.save(sys.argv[1])
