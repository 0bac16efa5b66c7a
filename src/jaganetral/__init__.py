"""Jaga Netral: pengawasan netralitas ASN di media sosial."""

__version__ = "0.1.0"
