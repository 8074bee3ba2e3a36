"""The monthly report's A4 PDF, rendered back to an image and read (pypdfium2)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from callcenter.ui.report.pdf import write_pdf

from .sample import DESK, sample

A4_PT = (595.0, 842.0)


def _png(page: pdfium.PdfPage, path: Path) -> np.ndarray:
    """Page as RGB pixels (also saved as a PNG, to look at)."""
    rgb = np.ascontiguousarray(page.render(scale=1.5, rev_byteorder=True).to_numpy()[:, :, :3])
    h, w, _ = rgb.shape
    QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).save(str(path))
    return rgb


def _text(page: pdfium.PdfPage) -> str:
    return "".join(page.get_textpage().get_text_range().split())


def test_pdf_is_a4_with_unit_header_and_figures(qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    pages = write_pdf(sample(), out)
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == pages >= 1
    first = pdf[0]
    w, h = first.get_size()
    assert abs(w - A4_PT[0]) < 2 and abs(h - A4_PT[1]) < 2
    text = _text(first)
    for words in ("国网临江供电公司供电优质服务月报表2026-03（全站）", "咨询建议", "故障报修",
                  "投诉", "举报", "+20.0%", "工单处理不及时", "回访率", "75.0%", f"第1页/共{pages}页"):
        assert words in text, words
    everything = "".join(_text(pdf[i]) for i in range(len(pdf)))
    for words in ("满意率", "90.0%", "及时接听率", "132.5", "临江路1号", "供电方案答复（居民）"):
        assert words in everything, words
    # the picture: mostly white paper with dark text and the chart's colours on it
    pixels = _png(first, tmp_path / "page1.png")
    dark = int((pixels.sum(axis=2) < 200).sum())
    blue = int((np.abs(pixels.astype(int) - (0x2F, 0x6D, 0xB5)).sum(axis=2) < 12).sum())
    assert dark > 2000 and blue > 500


def test_long_report_breaks_into_pages_each_with_the_header(qapp: QApplication,
                                                            tmp_path: Path) -> None:
    many = tuple((f"地址{i:03d}号", 500 - i) for i in range(120))
    out = tmp_path / "long.pdf"
    pages = write_pdf(replace(sample(DESK), top_addresses=many), out)
    pdf = pdfium.PdfDocument(str(out))
    assert pages == len(pdf) >= 3
    for i in range(len(pdf)):
        text = _text(pdf[i])
        assert "本席位数据子集" in text and f"第{i + 1}页/共{pages}页" in text
    assert "地址119号" in _text(pdf[len(pdf) - 1])
    assert not list(tmp_path.glob("*.part"))
