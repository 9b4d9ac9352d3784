"""schemathesis hooks: the projection deviation of schemathesis.toml, as a check, and the
`Idempotency-Key` header left out."""
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance

PROJECTION = ("fields", "exclude_fields")


@schemathesis.check
def response_schema_conformance_outside_projection(ctx, response, case):
    """The response conforms to its schema, unless the request projected its attributes."""
    if case.query and any(name in case.query for name in PROJECTION):
        return None
    return response_schema_conformance(ctx, response, case)



@schemathesis.hook
def before_load_schema(ctx, raw_schema):
    """Sends no `Idempotency-Key`: a key names one request, as a client makes it, and
    schemathesis draws few distinct strings and sends them again with other bodies, which the
    gateway rightly answers 422 (`src/http/idempotency.rs`, tested in tests/it/idempotency.rs).
    Without the parameter every POST runs its handler."""
    ref = {"$ref": "#/components/parameters/IdempotencyKey"}
    for item in raw_schema.get("paths", {}).values():
        post = item.get("post")
        if post and ref in post.get("parameters", []):
            post["parameters"].remove(ref)



# A CSAR (`PUT /vnfpkgm/v1/vnf_packages/{id}/package_content`) is bytes like any binary body.
schemathesis.serializer.alias("application/zip", "application/octet-stream")
