"""Builds the .docx and .pdf documents of the corpus from their text sources in sources/ (deterministic bytes).

A source is plain text: "# " and "## " lines are headings, consecutive "| a | b |" lines a table (first row the header),
other lines paragraphs. DOCX: minimal WordprocessingML with Heading1/Heading2 styles and a real table. PDF: a minimal
PDF 1.4 with Helvetica text objects (WinAnsi encoding), one text line per Tj, paragraphs separated by a gap."""
import os
import sys
import textwrap
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
# make_corpus.py [FOLDER]: FOLDER (bench/grounding itself by default) holds sources/ and corpus/.
FOLDER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
SOURCES = os.path.join(FOLDER, "sources")
CORPUS = os.path.join(FOLDER, "corpus")
STAMP = (2026, 1, 1, 0, 0, 0)


def blocks(text):
    """(kind, payload): ("h1", text), ("h2", text), ("p", text), ("table", [[cells]])."""
    out, table = [], []
    for line in text.splitlines():
        line = line.rstrip()
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            out.append(("table", table))
            table = []
        if not line:
            continue
        if line.startswith("## "):
            out.append(("h2", line[3:]))
        elif line.startswith("# "):
            out.append(("h1", line[2:]))
        else:
            out.append(("p", line))
    if table:
        out.append(("table", table))
    return out


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx(text, path):
    body = []
    for kind, payload in blocks(text):
        if kind == "table":
            rows = []
            for i, cells in enumerate(payload):
                tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>{para(c, "TableHeader" if i == 0 else None)}</w:tc>' for c in cells)
                rows.append(f"<w:tr>{tcs}</w:tr>")
            grid = "".join('<w:gridCol w:w="2400"/>' for _ in payload[0])
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                        f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')
        else:
            body.append(para(payload, {"h1": "Heading1", "h2": "Heading2"}.get(kind)))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>'
              '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
        "word/document.xml": document,
        "word/styles.xml": styles,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8"))


def pdf_string(text):
    raw = text.encode("cp1252")
    return "(" + "".join(chr(b) if chr(b) not in "()\\" else "\\" + chr(b) for b in raw) + ")"


def pdf(text, path):
    pages, ops, y = [], [], 800
    def line(s, font, size, gap):
        nonlocal ops, y
        if y - gap < 60:
            pages.append(ops)
            ops, y = [], 800
        y -= gap
        ops.append(f"BT /{font} {size} Tf 56 {y} Td {pdf_string(s)} Tj ET")
    for kind, payload in blocks(text):
        if kind in ("h1", "h2"):
            line(payload, "F2", 16 if kind == "h1" else 13, 30 if kind == "h1" else 26)
            y -= 4
        elif kind == "p":
            for i, part in enumerate(textwrap.wrap(payload, 88)):
                line(part, "F1", 11, 20 if i == 0 else 14)
        else:
            for cells in payload:
                line("   ".join(cells), "F1", 11, 16)
    pages.append(ops)

    objects = {1: "<< /Type /Catalog /Pages 2 0 R >>",
               3: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               4: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"}
    kids = []
    for i, page_ops in enumerate(pages):
        page_id, content_id = 5 + 2 * i, 6 + 2 * i
        stream = "\n".join(page_ops).encode("latin-1")
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                            f"/Contents {content_id} 0 R >>")
        objects[content_id] = stream
        kids.append(f"{page_id} 0 R")
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        body = objects[number]
        if isinstance(body, bytes):
            out += f"{number} 0 obj\n<< /Length {len(body)} >>\nstream\n".encode() + body + b"\nendstream\nendobj\n"
        else:
            out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    count = max(objects) + 1
    out += f"xref\n0 {count}\n0000000000 65535 f \n".encode()
    for number in range(1, count):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {count} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def main():
    for name in sorted(os.listdir(SOURCES)):
        target, _ = os.path.splitext(name)
        with open(os.path.join(SOURCES, name), encoding="utf-8") as f:
            text = f.read()
        (docx if target.endswith(".docx") else pdf)(text, os.path.join(CORPUS, target))
        print("built", target, file=sys.stderr)


if __name__ == "__main__":
    main()
