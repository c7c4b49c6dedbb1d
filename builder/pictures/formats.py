"""What a file Pillow cannot read is, told from its first bytes, and the way out (issue 21, item 3).

Read: JPEG, PNG, GIF, WebP, TIFF, BMP (Pillow), AVIF (Pillow 11.3 and later), HEIC and HEIF, the
iPhone's default (pillow-heif, pixels.pillow). Anything else is one error that names the format
and says how to make a picture of it; the file is named by its project path only.
"""

from __future__ import annotations

from pathlib import Path

READ = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "TIFF": ".tif",
        "BMP": ".bmp", "AVIF": ".avif", "HEIF": ".heic"}
"""The formats of pictures the build reads (SVG drawings aside), by Pillow's name, with the extension
a copy of such a file gets (MPO: a phone's JPEG that holds more than one picture)."""
SAVE = "save it as JPEG (a photo) or PNG (a drawing)"
"""The way out for any picture the build cannot read."""
SIGNATURES = (
    (b"%PDF", "a PDF, not a picture: export its page as PNG (in Preview: File > Export) or JPEG"),
    (b"8BPS", f"a Photoshop file (PSD): {SAVE} from Photoshop or GIMP"),
    (b"gimp xcf", f"a GIMP file (XCF): {SAVE} with File > Export As"),
    (b"<?xml", "an XML file, not a picture: an SVG drawing must end in .svg"),
    (b"<svg", "an SVG drawing: name it .svg"),
    (b"\x1f\x8b", "compressed (gzip, perhaps an .svgz drawing): uncompress it, or export it as .svg"),
    (b"PK\x03\x04", "a ZIP archive (a Word, LibreOffice or Keynote document?): export its picture as JPEG or PNG"),
)
"""A file's first bytes and what it is, with the way out."""
BRANDS = {
    b"heic": "HEIC", b"heix": "HEIC", b"hevc": "HEIC", b"heim": "HEIC", b"heis": "HEIC", b"mif1": "HEIF",
    b"msf1": "HEIF", b"avif": "AVIF", b"avis": "AVIF", b"qt  ": "a QuickTime video", b"isom": "an MP4 video",
    b"mp41": "an MP4 video", b"mp42": "an MP4 video", b"crx ": "a Canon raw photo (CR3)",
}
"""The brand of an ISO media file (bytes 8 to 12, after `ftyp`): the format it holds."""


def unreadable(path: Path, name: str) -> str:
    """The message for the picture at `path` (shown as `name`) that Pillow cannot identify: what
    the file is, from its first bytes, and how to make a picture the build reads."""
    try:
        with path.open("rb") as file:
            head = file.read(64)
    except OSError as error:
        return f"picture {name} cannot be read ({error.strerror})"
    what = _what(head)
    if what is None:
        return f"picture {name} is not a picture the build can read (a damaged file, or an unknown format): {SAVE}"
    return f"picture {name} is {what}"


def _what(head: bytes) -> str | None:
    """What a file is and the way out, from its first bytes; None when they say nothing known."""
    if head[4:8] == b"ftyp":
        brand = BRANDS.get(head[8:12])
        if brand in ("HEIC", "HEIF", "AVIF"):
            return (f"{brand}, an iPhone's photo format, but this {brand} file cannot be decoded (damaged, or a "
                    f"kind pillow-heif cannot read): {SAVE} (on an iPhone: Settings > Camera > Formats > "
                    "Most Compatible; on a Mac: open it in Preview, File > Export)")
        return f"{brand or 'a video or an ISO media file'}, not a picture: {SAVE}"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return f"WebP, but this file cannot be decoded (damaged?): {SAVE}"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return f"TIFF (perhaps a camera's raw photo: CR2, NEF, ARW, DNG) that cannot be decoded: {SAVE}"
    for signature, what in SIGNATURES:
        if head.lstrip().lower().startswith(signature.lower()):
            return what
    return None
