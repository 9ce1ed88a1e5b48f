"""Geography in the database: regions, combined and local authorities, postcode districts."""
