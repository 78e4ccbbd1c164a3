"""One self-contained HTML page: every flag beside a picture of the page region it came from.

Pictures are embedded as data URIs, so the file opens from a USB stick or a mail attachment
with no server and no network. The shareable variant carries no pictures: a page image would show
the identity numbers the text masks.
"""
from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from models.findings import PacketFindings
from models.packet import Packet

from reports.crops import crop, source_path
from reports.atomic_files import write_atomic
from reports.review import CODE_LABELS, PacketRow, verdict

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
.pass{color:#1a7f37}.fail{color:#cf222e}.flag{display:flex;gap:1em;border-top:1px solid #ddd;padding:.8em 0}
.flag .text{flex:1}.flag img{max-width:480px;border:1px solid #999}.error{color:#cf222e}
.warning{color:#9a6700}.info{color:#0969da}.decision{background:#eef;padding:2px 6px}
.evidence{color:#555;font-size:.9em}
"""


def _img(packet: Packet | None, source: str, page: int | None, bbox) -> str:
    path = source_path(packet.path, source) if packet else None
    picture = crop(path, page, bbox) if path else None
    if picture is None:
        return ""
    return f'<img alt="{escape(source)} 第{page or 1}页" src="data:image/jpeg;base64,{base64.b64encode(picture).decode()}">'


def render(rows: list[PacketRow], findings: list[PacketFindings], packets: dict[str, Packet], *,
           title: str, show_images: bool = True) -> str:
    by_name = {f.packet: f for f in findings}
    out = [f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>{escape(title)}</title>",
           f"<style>{STYLE}</style><h1>{escape(title)}</h1>",
           "<table><tr><th>申报材料</th><th>申报主体</th><th>结论</th><th>复核后结论</th><th>错误</th><th>警告</th></tr>"]
    for r in rows:
        cls = "pass" if r.verdict == verdict(True) else "fail"
        out.append(f"<tr><td><a href='#{escape(r.packet)}'>{escape(r.packet)}</a></td><td>{escape(r.name)}</td>"
                   f"<td class='{cls}'>{escape(r.verdict)}</td><td>{escape(r.reviewed_verdict)}</td>"
                   f"<td>{r.errors}</td><td>{r.warnings}</td></tr>")
    out.append("</table>")
    for r in rows:
        found = by_name[r.packet]
        out.append(f"<h2 id='{escape(r.packet)}'>{escape(r.packet)}：{escape(r.name)} {escape(r.identifier)}</h2>")
        docs = "、".join(f"{d.kind}（{d.source} 第{d.pages[0]}–{d.pages[-1]}页）" for d in found.documents)
        out.append(f"<p class='evidence'>材料：{escape(docs) or '（无）'}</p>")
        if not r.flags:
            out.append("<p class='pass'>未发现问题。</p>")
        for row in r.flags:
            flag = found.flags[row.flag_index]
            pictures = "".join(_img(packets.get(r.packet), e.source, e.page, e.bbox)
                               for e in flag.evidence[:2]) if show_images else ""
            where = "；".join(f"{e.source} 第{e.page}页" if e.page else e.source for e in flag.evidence)
            decision = (f"<span class='decision'>复核：{escape(row.decision)} {escape(row.comment)}</span>"
                        if row.decision else "")
            out.append(
                f"<div class='flag'><div class='text'><b class='{flag.severity}'>[{escape(row.severity)}] "
                f"{escape(CODE_LABELS[flag.code])}（{flag.code.value}）</b> {decision}"
                f"<p>{escape(row.message)}</p><p class='evidence'>出处：{escape(where)}"
                f"{'；证据：' + escape(row.text) if row.text else ''}</p>"
                f"<p class='evidence'>指纹 {row.fingerprint}</p></div>{pictures}</div>")
    out.append("</html>")
    return "\n".join(out)


def write_html(rows: list[PacketRow], findings: list[PacketFindings], packets: dict[str, Packet],
               path: Path, *, title: str, show_images: bool = True) -> Path:
    return write_atomic(path, render(rows, findings, packets, title=title, show_images=show_images).encode("utf-8"))
