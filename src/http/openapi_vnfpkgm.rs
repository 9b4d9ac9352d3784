//! The VNF package management part of the served OpenAPI (`/vnfpkgm/v1`, the SOL005 subset
//! Tacker's local onboarding serves): `VnfPkgInfo` and its modifications, written from
//! Tacker's api-ref and SOL005's data model; errors are ProblemDetails (SOL013 §6.3).

use serde_json::{json, Value};

use super::openapi::problem;

fn ok(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn info() -> Value {
    json!({ "$ref": "#/components/schemas/VnfPkgInfo" })
}

fn id_parameter() -> Value {
    json!({ "name": "vnfPkgId", "in": "path", "required": true,
            "description": "The package's id.", "schema": { "type": "string" } })
}

fn selectors() -> Value {
    let p = |name: &str, d: &str| {
        json!({ "name": name, "in": "query", "required": false,
        "description": d, "schema": { "type": "string" } })
    };
    json!([
        p("filter", "ETSI GS NFV-SOL 013 §5.2 attribute-based filter, e.g. `(eq,onboardingState,ONBOARDED)`."),
        p("all_fields", "Every attribute (SOL013 §5.3)."),
        p("fields", "Complex attributes to add to the default set (`checksum`, `softwareImages`, `additionalArtifacts`, `userDefinedData`)."),
        p("exclude_fields", "Attributes to leave out."),
        p("exclude_default", "The default set: complex attributes left out (also what no selector gives)."),
        p("nextpage_opaque_marker", "The page after this marker (from the `Link` header)."),
        p("all_records", "`yes`: every package, in one page."),
    ])
}

pub fn add(doc: &mut Value) {
    let schemas = &mut doc["components"]["schemas"];
    let checksum = json!({ "type": "object", "required": ["algorithm", "hash"], "properties": {
        "algorithm": { "type": "string" }, "hash": { "type": "string" } } });
    schemas["VnfPkgInfo"] = json!({
        "type": "object",
        "description": "A VNF package (SOL005 VnfPkgInfo as Tacker serves it). The VNFD's attributes appear once the package is ONBOARDED.",
        "required": ["id", "onboardingState", "operationalState", "usageState", "_links"],
        "properties": {
            "id": { "type": "string" },
            "vnfdId": { "type": "string" },
            "vnfProvider": { "type": "string" },
            "vnfProductName": { "type": "string" },
            "vnfSoftwareVersion": { "type": "string" },
            "vnfdVersion": { "type": "string" },
            "checksum": checksum,
            "softwareImages": { "type": "array", "items": { "type": "object" } },
            "additionalArtifacts": { "type": "array", "items": { "type": "object",
                "required": ["artifactPath", "checksum"], "properties": {
                    "artifactPath": { "type": "string" }, "checksum": checksum,
                    "metadata": { "type": "object" } } } },
            "onboardingState": { "type": "string", "enum": ["CREATED", "UPLOADING", "PROCESSING", "ONBOARDED"] },
            "operationalState": { "type": "string", "enum": ["ENABLED", "DISABLED"] },
            "usageState": { "type": "string", "enum": ["IN_USE", "NOT_IN_USE"] },
            "userDefinedData": { "type": "object" },
            "_links": { "type": "object", "required": ["self", "packageContent"], "properties": {
                "self": { "$ref": "#/components/schemas/Link" },
                "vnfd": { "$ref": "#/components/schemas/Link" },
                "packageContent": { "$ref": "#/components/schemas/Link" } } },
        },
    });
    schemas["Link"] = json!({ "type": "object", "required": ["href"],
        "properties": { "href": { "type": "string" } } });
    schemas["CreateVnfPkgInfoRequest"] = json!({ "type": "object", "additionalProperties": false,
        "properties": { "userDefinedData": { "type": "object" } } });
    schemas["VnfPkgInfoModifications"] = json!({ "type": "object", "properties": {
        "operationalState": { "type": "string", "enum": ["ENABLED", "DISABLED"] },
        "userDefinedData": { "type": "object" } } });
    let tag = json!(["VNF packages"]);
    let missing = problem("No such package (or not the caller's tenant's)");
    let conflict = problem("The package's state forbids it (not ONBOARDED, not CREATED, already in that state, enabled or in use)");
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    paths.insert("/vnfpkgm/v1/vnf_packages".into(), json!({
        "get": { "operationId": "listVnfPackages", "tags": tag, "summary": "The caller's VNF packages",
            "parameters": selectors(),
            "responses": { "200": ok("The packages, by id; `Link: <…>; rel=\"next\"` when more follow", json!({ "type": "array", "items": info() })) } },
        "post": { "operationId": "createVnfPackage", "tags": tag, "summary": "A new, empty VNF package",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CreateVnfPkgInfoRequest" } } } },
            "responses": { "201": ok("Created (`Location` names it): CREATED, DISABLED, NOT_IN_USE", info()) } },
    }));
    let one = json!([id_parameter()]);
    paths.insert("/vnfpkgm/v1/vnf_packages/{vnfPkgId}".into(), json!({
        "get": { "operationId": "getVnfPackage", "tags": tag, "parameters": one,
            "responses": { "200": ok("The package", info()), "404": missing } },
        "patch": { "operationId": "updateVnfPackage", "tags": tag, "parameters": one,
            "summary": "Enables or disables an onboarded package, or changes its user-defined data",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VnfPkgInfoModifications" } } } },
            "responses": { "200": ok("What changed", json!({ "$ref": "#/components/schemas/VnfPkgInfoModifications" })),
                "404": missing, "409": conflict } },
        "delete": { "operationId": "deleteVnfPackage", "tags": tag, "parameters": one,
            "summary": "Deletes a package that is disabled (or never onboarded) and not in use",
            "responses": { "204": { "description": "Deleted, with its content" }, "404": missing, "409": conflict } },
    }));
    paths.insert("/vnfpkgm/v1/vnf_packages/{vnfPkgId}/package_content".into(), json!({
        "put": { "operationId": "uploadVnfPackageContent", "tags": tag, "parameters": one,
            "summary": "Onboards a CREATED package from its CSAR",
            "requestBody": { "required": true, "content": { "application/zip": { "schema": { "type": "string", "format": "binary" } } } },
            "responses": { "202": { "description": "Onboarded (ONBOARDED, ENABLED): the CSAR read and stored" },
                "400": problem("The CSAR does not read: the detail names the file and the reason; nothing is stored"),
                "404": missing, "409": conflict,
                "413": problem("The CSAR is over 64 MiB"),
                "415": problem("The body is not application/zip") } },
        "get": { "operationId": "getVnfPackageContent", "tags": tag, "parameters": one,
            "responses": { "200": { "description": "The CSAR", "content": { "application/zip": { "schema": { "type": "string", "format": "binary" } } } },
                "404": missing, "409": conflict } },
    }));
    paths.insert("/vnfpkgm/v1/vnf_packages/{vnfPkgId}/vnfd".into(), json!({
        "get": { "operationId": "getVnfd", "tags": tag, "parameters": one,
            "summary": "The VNFD: its one YAML file (`Accept: text/plain`) or a zip of its files",
            "responses": { "200": { "description": "The VNFD", "content": {
                    "text/plain": { "schema": { "type": "string" } },
                    "application/zip": { "schema": { "type": "string", "format": "binary" } } } },
                "404": missing, "406": problem("An Accept other than text/plain or application/zip"),
                "409": conflict } },
    }));
    let repo = |name: &str| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } });
    let charts = json!(["Chart repositories"]);
    paths.insert("/dms/charts/{vnfPkgId}/{digest}/index.yaml".into(), json!({
        "get": { "operationId": "getChartIndex", "tags": charts, "security": [],
            "summary": "The package's Helm chart repository index (for Flux and Argo CD); `digest` is the SHA-256 of the package's content, which makes the address the capability",
            "parameters": [repo("vnfPkgId"), repo("digest")],
            "responses": { "200": { "description": "Helm's `index.yaml` (apiVersion v1)", "content": {
                    "application/x-yaml": { "schema": { "type": "string" } } } },
                "404": problem("No onboarded package with that content") } },
    }));
    paths.insert("/dms/charts/{vnfPkgId}/{digest}/charts/{file}".into(), json!({
        "get": { "operationId": "getChart", "tags": charts, "security": [],
            "summary": "A chart archive of the package, as its index lists it",
            "parameters": [repo("vnfPkgId"), repo("digest"), repo("file")],
            "responses": { "200": { "description": "The chart (`.tgz`)", "content": {
                    "application/gzip": { "schema": { "type": "string", "format": "binary" } } } },
                "404": problem("No such chart in an onboarded package with that content") } },
    }));
}
