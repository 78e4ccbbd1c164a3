"""Field components, one per field family; each declares what it reads and writes and a version.

Order matters only through `requires`: dates before deadlines (document year), quotas after
awards (the award name is a quota's default category).
"""
