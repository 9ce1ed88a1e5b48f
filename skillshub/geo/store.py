"""Move geography between the domain types and the database, replacing it whole."""

from __future__ import annotations

from dataclasses import dataclass

from skillshub.domain import geography as domain
from skillshub.geo import models


@dataclass(frozen=True)
class Geography:
    regions: dict[str, domain.Region]
    combined_authorities: dict[str, domain.CombinedAuthority]
    local_authorities: dict[str, domain.LocalAuthority]
    outcodes: dict[str, domain.Outcode]


def replace_geography(geo: Geography) -> dict[str, int]:
    """Delete stored geography and write the given one; call inside a transaction."""
    models.LocalAuthority.objects.all().delete()
    models.CombinedAuthority.objects.all().delete()
    models.Region.objects.all().delete()
    models.Outcode.objects.all().delete()
    models.Region.objects.bulk_create(
        models.Region(code=r.code, name=r.name) for r in geo.regions.values()
    )
    models.CombinedAuthority.objects.bulk_create(
        models.CombinedAuthority(code=c.code, name=c.name, abbreviation=c.abbreviation)
        for c in geo.combined_authorities.values()
    )
    combined = {c.code: c for c in models.CombinedAuthority.objects.all()}
    models.LocalAuthority.objects.bulk_create(
        models.LocalAuthority(
            code=la.code,
            name=la.name,
            nation=la.nation,
            region_code=la.region_code,
            region_name=la.region_name,
            combined_authority=combined.get(la.combined_authority_code or ""),
            easting=la.point.easting if la.point else None,
            northing=la.point.northing if la.point else None,
            former_codes=list(la.former_codes),
        )
        for la in geo.local_authorities.values()
    )
    models.Outcode.objects.bulk_create(
        (
            models.Outcode(
                code=o.code,
                easting=o.point.easting if o.point else None,
                northing=o.point.northing if o.point else None,
                local_authority_code=o.local_authority_code or "",
                post_town=o.post_town,
                active_postcodes=o.active_postcodes,
            )
            for o in geo.outcodes.values()
        ),
        batch_size=2000,
    )
    return {
        "regions": len(geo.regions),
        "combined authorities": len(geo.combined_authorities),
        "local authorities": len(geo.local_authorities),
        "postcode districts": len(geo.outcodes),
    }


def _point(easting: float | None, northing: float | None) -> domain.Point | None:
    if easting is None or northing is None:
        return None
    return domain.Point(easting, northing)


def load_local_authorities() -> dict[str, domain.LocalAuthority]:
    rows = models.LocalAuthority.objects.select_related("combined_authority")
    return {
        row.code: domain.LocalAuthority(
            code=row.code,
            name=row.name,
            region_code=row.region_code,
            region_name=row.region_name,
            combined_authority_code=row.combined_authority.code if row.combined_authority else None,
            combined_authority_name=row.combined_authority.name if row.combined_authority else None,
            nation=row.nation,
            point=_point(row.easting, row.northing),
            former_codes=tuple(row.former_codes),
        )
        for row in rows
    }


def load_outcodes() -> dict[str, domain.Outcode]:
    return {
        row.code: domain.Outcode(
            code=row.code,
            point=_point(row.easting, row.northing),
            local_authority_code=row.local_authority_code or None,
            post_town=row.post_town,
            active_postcodes=row.active_postcodes,
        )
        for row in models.Outcode.objects.all()
    }
