"""What one picture may cost the build, and pictures of every mode (issue 25, items 1, 2, 4 and 6):
a picture past its pixels is refused from its header, an SVG of nested <use> by what it draws, a
JPEG cut short by its name; a 16-bit or any other mode prints, from a file or a data: URL."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest
from builder.pictures import drawings, pixels
from PIL import Image
from tests.pictures.test_messages import errors, prepared

GIVEN_MODES = ("1", "L", "LA", "P", "RGB", "RGBA")
"""What WeasyPrint takes as it is."""


def png(path: Path, width: int, height: int, colour: int, depth: int, row: bytes) -> Path:
    """A PNG written by hand (Pillow writes no 16-bit colour): every row `row`, filter 0."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    data = zlib.compress((b"\x00" + row) * height, 9)
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path


def _modes(folder: Path) -> dict[str, Path]:
    """One picture of each awkward mode, 40 × 20 px, mid-grey or a colour."""
    made = {
        "grey16.png": png(folder / "grey16.png", 40, 20, 0, 16, b"\x80\x00" * 40),
        "rgb16.png": png(folder / "rgb16.png", 40, 20, 2, 16, b"\x80\x00\x20\x00\xff\xff" * 40),
        "rgba16.png": png(folder / "rgba16.png", 40, 20, 6, 16, b"\x80\x00\x20\x00\xff\xff\x80\x00" * 40),
    }
    for mode, value, suffix in (("I", 30000, ".tif"), ("F", 30000.0, ".tif"), ("LA", (90, 128), ".png"),
                                ("CMYK", (0, 90, 200, 10), ".jpg"), ("1", 1, ".png")):
        made[f"{mode}{suffix}"] = folder / f"mode-{mode}{suffix}"
        Image.new(mode, (40, 20), value).save(made[f"{mode}{suffix}"])  # type: ignore[arg-type]
    palette = Image.new("P", (40, 20), 1)
    palette.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    palette.save(folder / "mode-P.png", transparency=0)
    made["P.png"] = folder / "mode-P.png"
    return made


def _printed(zine_html: str) -> Path:
    src = zine_html.split(' src="file://', 1)[1].split('"', 1)[0]
    return Path(src)


@pytest.mark.parametrize("embed", [False, True], ids=["file", "data-url"])
def test_every_mode_prints_in_eight_bits_from_a_file_or_a_data_url(tmp_path: Path, embed: bool) -> None:
    folder = tmp_path / "content" / "images"
    folder.mkdir(parents=True)
    for name, path in _modes(folder).items():
        kind = {"png": "png", "jpg": "jpeg", "tif": "tiff"}[path.suffix[1:]]
        src = (f"data:image/{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"
               if embed and kind != "tiff" else f"images/{path.name}")
        html = prepared(tmp_path, f"![{name}]({src})").parts[0].html
        with Image.open(_printed(html)) as printed:
            assert printed.mode in GIVEN_MODES, (name, printed.mode)
            grey = printed.convert("L").getpixel((printed.width // 2, printed.height // 2))
            assert name.startswith("1") or 20 < grey < 235, (name, grey)  # 16-bit mid-grey is not clipped


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_jpeg_cut_short_is_refused_by_name(tmp_path: Path, mode: str) -> None:
    """In grey too: the line-art test decoded a grey JPEG whole, truncation allowed, before the check."""
    import weasyprint  # noqa: F401  (it sets Pillow's LOAD_TRUNCATED_IMAGES on import: as in a build)
    folder = tmp_path / "content" / "images"
    folder.mkdir(parents=True)
    Image.effect_noise((400, 300), 60).convert(mode).save(folder / "whole.jpg", quality=90)
    data = (folder / "whole.jpg").read_bytes()
    (folder / "cut.jpg").write_bytes(data[: len(data) * 4 // 10])
    found = errors(tmp_path, "![A cut photo](images/cut.jpg)")
    assert found[0].startswith("content/part.md:5: picture content/images/cut.jpg cannot be read (image file is "
                               "truncated"), found


def test_a_picture_past_its_pixels_is_refused_from_its_header(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "images"
    folder.mkdir(parents=True)
    png(folder / "strip.png", 1, 100_000_000, 0, 8, b"\x00")  # 195 kB: decoded, it took a build to 2 GB
    assert (folder / "strip.png").stat().st_size < 200_000
    found = errors(tmp_path, "Text.\n\n![A strip](images/strip.png)")
    assert found == ["content/part.md:7: picture content/images/strip.png has 1 × 100000000 px, 100 million pixels, "
                     f"more than the {pixels.PIXELS // 10**6} million one picture may have (issue 25): a page at "
                     "300 dpi needs under 9 million; save a smaller copy (at most 4000 px on its longer side is "
                     "plenty)"]


def _bomb(levels: int) -> str:
    """An SVG of nested <use>, each level drawing the one below ten times: 10**levels squares."""
    rows = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">',
            '<defs><rect id="a0" width="1" height="1"/>']
    rows += [f'<g id="a{i}">' + f'<use xlink:href="#a{i - 1}"/>' * 10 + "</g>" for i in range(1, levels + 1)]
    return "\n".join([*rows, f'</defs><use href="#a{levels}"/></svg>'])


@pytest.mark.parametrize("embed", [False, True], ids=["file", "data-url"])
def test_an_svg_of_nested_use_is_refused_by_what_it_draws(tmp_path: Path, embed: bool) -> None:
    folder = tmp_path / "content" / "images"
    folder.mkdir(parents=True)
    (folder / "bomb.svg").write_text(_bomb(8), encoding="utf-8")  # 10**8 squares in 2 kB
    assert (folder / "bomb.svg").stat().st_size < 2200
    src = (f"data:image/svg+xml;base64,{base64.b64encode((folder / 'bomb.svg').read_bytes()).decode()}" if embed
           else "images/bomb.svg")
    found = errors(tmp_path, f"![A bomb]({src})")
    name = "data:image/svg+xml (2 KiB)" if embed else "content/images/bomb.svg"
    assert len(found) == 1 and found[0].startswith(f"content/part.md:5: picture {name} draws more than "
                                                   f"{drawings.SHAPES:,} shapes"), found


def test_what_an_svg_draws_counts_each_use_and_a_loop(tmp_path: Path) -> None:
    svg = tmp_path / "d.svg"
    svg.write_text(_bomb(3), encoding="utf-8")
    # <svg>, <defs>, the square; a1 = 1 + 10 × (a <use> + the square) = 21, a2 = 221, a3 = 2221; the last <use>
    assert drawings.drawn(svg, 10**6) == 1 + 1 + 1 + 21 + 221 + 2221 + (1 + 2221)
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><g id="g"><use href="#g"/></g></svg>', encoding="utf-8")
    assert drawings.drawn(svg, 100) == 101
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect/><rect/></svg>', encoding="utf-8")
    assert drawings.drawn(svg, 100) == 3


def test_a_jpeg_may_have_more_pixels_as_it_is_decoded_smaller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A phone photo past PIXELS (the bench's 63 MP one, a 200 MP one) is a JPEG that Pillow decodes
    at 1/2 to 1/8 of its width: DRAFTED is its limit. The limits are lowered here to small pictures."""
    assert pixels.DRAFTED >= 16320 * 12240 > pixels.PIXELS, "a 200 MP phone photo"
    monkeypatch.setattr(pixels, "PIXELS", 5_000)
    monkeypatch.setattr(pixels, "DRAFTED", 20_000)
    folder = tmp_path / "content" / "images"
    folder.mkdir(parents=True)
    for suffix in ("jpg", "png"):
        Image.new("RGB", (100, 100), (120, 60, 30)).save(folder / f"photo.{suffix}")
    Image.new("RGB", (200, 200), (120, 60, 30)).save(folder / "large.jpg")
    prepared(tmp_path, "![A photo](images/photo.jpg)")  # 10,000 pixels: past PIXELS, within DRAFTED for a JPEG
    said = [errors(tmp_path, f"![A photo](images/{name})")[0].split(" has ")[0] for name in ("photo.png", "large.jpg")]
    assert said == ["content/part.md:5: picture content/images/photo.png",
                    "content/part.md:5: picture content/images/large.jpg"]
