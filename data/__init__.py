"""Fictional demo data for Talenta: a seeded generator of a regency's ASN records and a committed sample."""
