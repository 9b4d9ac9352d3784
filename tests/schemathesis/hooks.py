"""schemathesis hooks: the projection deviation of schemathesis.toml, as a check."""
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance

PROJECTION = ("fields", "exclude_fields")


@schemathesis.check
def response_schema_conformance_outside_projection(ctx, response, case):
    """The response conforms to its schema, unless the request projected its attributes."""
    if case.query and any(name in case.query for name in PROJECTION):
        return None
    return response_schema_conformance(ctx, response, case)
