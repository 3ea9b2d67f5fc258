"""Rebuild the dashboard's offline basemap, src/pantau/serve/static/map/world-110m.json.

    npm pack world-atlas@2.0.2                       # ISC; Natural Earth 110m, public domain
    python scripts/build_world_map.py world-atlas-2.0.2.tgz

The input is world-atlas's countries-110m.json (TopoJSON), read straight from the npm
tarball or from an unpacked copy. The output is pre-projected so the browser needs no
projection or TopoJSON code: one SVG path per country in an equirectangular plane of
360 x 180 units (x = lon + 180, y = 90 - lat), coordinates rounded to 0.01 degree (about
1 km, finer than the 110m source) and written as relative moves to keep the file small.
Each country also gets its ISO 3166-1 alpha-3 code (the codes pantau stores) when
pycountry (the `kb` extra) knows its numeric id.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "pantau" / "serve" / "static" / "map" / "world-110m.json"
MEMBER = "package/countries-110m.json"
# Natural Earth entities without an ISO numeric code in world-atlas, and their usual codes.
NO_NUMERIC = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}


def read_topology(path: Path) -> dict[str, Any]:
    if path.suffix in {".tgz", ".gz"}:
        with tarfile.open(path) as tar:
            member = tar.extractfile(MEMBER)
            if member is None:
                raise SystemExit(f"{path} has no {MEMBER}")
            return json.load(member)
    return json.loads(path.read_text(encoding="utf-8"))


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded arcs -> absolute (lon, lat) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[int, int]]:
    """Stitch a ring's arcs (a negative index ~i is arc i reversed), projected to
    hundredths of a degree in the 360 x 180 plane, consecutive duplicates dropped."""
    points: list[tuple[int, int]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        for k, (lon, lat) in enumerate(arc):
            if k == 0 and points:
                continue  # shared with the previous arc's last point
            p = (round((lon + 180) * 100), round((90 - lat) * 100))
            if not points or points[-1] != p:
                points.append(p)
    return points


def split_at_antimeridian(points: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Natural Earth rings that cross the antimeridian (Russia, Fiji) or surround a pole
    (Antarctica) jump from one edge of the plane to the other; drawn as they are, they
    paint a band across the whole map. Cut them where they cross into pieces that run
    along the edge instead, and close a piece that ends on the other edge through the
    pole (x and y in hundredths of a degree)."""
    n = len(points)
    crossings = [i for i in range(n) if abs(points[(i + 1) % n][0] - points[i][0]) > 18000]
    if not crossings:
        return [points]
    start = (crossings[0] + 1) % n
    ring = points[start:] + points[:start]
    pieces: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for i, p in enumerate(ring):
        current.append(p)
        q = ring[(i + 1) % n]
        if abs(q[0] - p[0]) <= 18000:
            continue
        east_to_west = p[0] > q[0]
        leave, enter = (36000, 0) if east_to_west else (0, 36000)
        span = (q[0] + 36000 - p[0]) if east_to_west else (p[0] + 36000 - q[0])
        gap = (36000 - p[0]) if east_to_west else p[0]
        y = round(p[1] + (q[1] - p[1]) * gap / span) if span else p[1]
        current.append((leave, y))
        pieces.append(current)
        current = [(enter, y)]
    pieces[0] = current + pieces[0]
    closed = []
    for piece in pieces:
        if piece[0][0] != piece[-1][0]:  # ends on the other edge: around a pole
            pole = 18000 if sum(y for _, y in piece) / len(piece) > 9000 else 0
            piece = [*piece, (piece[-1][0], pole), (piece[0][0], pole)]
        if len(piece) >= 3:
            closed.append(piece)
    return closed


def path_data(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    """SVG path data with relative commands; absolute cursor tracked in integers so the
    rounding never drifts."""
    parts = []
    cursor = (0, 0)
    for polygon in polygons:
        for ring in polygon:
            points = ring_points(ring, arcs)
            if len(points) < 3:
                continue
            for piece in split_at_antimeridian(points):
                moves = []
                for x, y in piece:
                    moves.append(f"{_num(x - cursor[0])} {_num(y - cursor[1])}")
                    cursor = (x, y)
                parts.append("m" + moves[0] + "l" + " ".join(moves[1:]) + "z")
                # after z the cursor returns to the piece's first point
                cursor = piece[0]
    return "".join(parts)


def _num(hundredths: int) -> str:
    """-123 -> "-1.23", 5 -> ".05": the shortest text SVG reads back exactly."""
    text = f"{hundredths / 100:.2f}".rstrip("0").rstrip(".")
    if text.startswith("0."):
        text = text[1:]
    elif text.startswith("-0."):
        text = "-" + text[2:]
    return text or "0"


def iso3(numeric: str | None, name: str) -> str | None:
    if numeric is None:
        return NO_NUMERIC.get(name)
    try:
        import pycountry
    except ImportError:
        return None
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else None


def build(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        name = geometry["properties"]["name"]
        countries.append(
            {"iso3": iso3(geometry.get("id"), name), "name": name, "d": path_data(polygons, arcs)}
        )
    countries.sort(key=lambda c: c["name"])
    return {
        "source": "world-atlas 2.0.2 countries-110m (Natural Earth, public domain; ISC)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat",
        "width": 360,
        "height": 180,
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topology", type=Path, help="world-atlas .tgz or countries-110m.json")
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(read_topology(args.topology))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['countries'])} countries, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
