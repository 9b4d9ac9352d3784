//! The served OpenAPI of the administration routes (`/admin/v1`): tenants, their role
//! bindings, and the audit trail. Schemas as `security::tenants` and `security::audit`
//! serialise them.

use serde_json::{json, Map, Value};

use super::openapi::problem;

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn body(status_text: &str, schema: Value) -> Value {
    json!({ "description": status_text, "content": { "application/json": { "schema": schema } } })
}

fn schemas() -> Value {
    json!({
        "TenantQuotas": { "type": "object", "additionalProperties": false,
            "description": "A tenant's limits; an absent limit is no limit.",
            "properties": {
                "maxSubscriptions": { "type": "integer", "minimum": 0, "maximum": 4294967295u32, "nullable": true },
                "maxHubs": { "type": "integer", "minimum": 0, "maximum": 4294967295u32, "nullable": true },
                "maxResourcePools": { "type": "integer", "minimum": 0, "maximum": 4294967295u32, "nullable": true },
                "maxWatchStreams": { "type": "integer", "minimum": 0, "maximum": 4294967295u32, "nullable": true },
                "maxProvisioningRequests": { "type": "integer", "minimum": 0, "maximum": 4294967295u32, "nullable": true },
                "requestsPerSecond": { "type": "number", "minimum": 0, "exclusiveMinimum": true, "nullable": true } } },
        "Tenant": { "type": "object", "required": ["tenantId", "status", "resourcePools", "quotas", "createdAt", "updatedAt"],
            "properties": {
                "tenantId": { "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$" },
                "status": { "type": "string", "enum": ["active", "suspended"] },
                "resourcePools": { "type": "array", "items": { "type": "string" }, "description": "Pools the tenant may see, by id." },
                "labelSelector": { "type": "string", "description": "And/or pools whose labels match `key=value,…`, such as `o2ims.oran.org/tenant=tenant-a`." },
                "quotas": schema("TenantQuotas"),
                "createdAt": { "type": "string", "format": "date-time" },
                "updatedAt": { "type": "string", "format": "date-time" } } },
        "TenantInput": { "type": "object", "additionalProperties": false,
            "description": "A tenant to create (`tenantId` required) or to replace (`tenantId` absent or equal to the path's). `createdAt` and `updatedAt` are set by the server and ignored; `null` is the same as absent.",
            "properties": {
                "tenantId": { "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "nullable": true },
                "status": { "type": "string", "enum": ["active", "suspended", null], "description": "Default `active`.", "nullable": true },
                "resourcePools": { "type": "array", "items": { "type": "string", "minLength": 1, "pattern": "\\S" } },
                "labelSelector": { "type": "string", "nullable": true },
                "quotas": schema("TenantQuotas"),
                "createdAt": { "type": "string", "nullable": true },
                "updatedAt": { "type": "string", "nullable": true } } },
        "RoleBinding": { "type": "object", "additionalProperties": false, "required": ["subject", "roles"],
            "description": "Roles a subject (a token's `sub`, a client certificate's user) holds within the tenant, beside its credentials' own.",
            "properties": {
                "subject": { "type": "string", "minLength": 1 },
                "roles": { "type": "array", "minItems": 1, "items": { "type": "string", "enum": ["owner", "admin", "operator", "viewer"] } } } },
        "AuditRecord": { "type": "object", "required": ["timestamp", "requestId", "httpMethod", "path", "result", "status"],
            "description": "One request, allowed or not. Never a token, a secret or a callback credential.",
            "properties": {
                "timestamp": { "type": "string", "format": "date-time" },
                "requestId": { "type": "string", "description": "The caller's `X-Request-Id`, or one made for the request; every response carries it." },
                "tenant": { "type": "string" }, "subject": { "type": "string" }, "clientId": { "type": "string" },
                "authMethod": { "type": "string", "enum": ["anonymous", "token", "certificate"] },
                "certificateThumbprint": { "type": "string", "description": "base64url SHA-256 of the client certificate (RFC 8705 `x5t#S256`)." },
                "rpc": { "type": "string", "description": "The fully-qualified RPC the request called." },
                "httpMethod": { "type": "string" }, "path": { "type": "string" },
                "objectId": { "type": "string", "description": "The last identifier in the path." },
                "result": { "type": "string", "enum": ["success", "denied", "error"] },
                "status": { "type": "integer" }, "grpcStatus": { "type": "integer" },
                "peer": { "type": "string", "description": "The client's address." } } },
    })
}

pub fn add(doc: &mut Value) {
    if let (Some(target), Value::Object(own)) =
        (doc["components"]["schemas"].as_object_mut(), schemas())
    {
        target.extend(own);
    }
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    paths_into(paths);
}

fn paths_into(paths: &mut Map<String, Value>) {
    let tenant_id = json!({ "name": "tenantId", "in": "path", "required": true, "schema": { "type": "string" } });
    let input = json!({ "required": true, "content": { "application/json": { "schema": schema("TenantInput") } } });
    let tags = json!(["admin"]);
    paths.insert("/admin/v1/tenants".into(), json!({
        "get": { "operationId": "listTenants", "tags": tags, "summary": "Every tenant, by id",
            "responses": { "200": body("Tenants", json!({ "type": "array", "items": schema("Tenant") })) } },
        "post": { "operationId": "createTenant", "tags": tags, "summary": "Create a tenant",
            "requestBody": input,
            "responses": {
                "201": { "description": "The tenant stored", "headers": { "Location": { "schema": { "type": "string" } } },
                    "content": { "application/json": { "schema": schema("Tenant") } } },
                "409": problem("A tenant with this id exists") } } }));
    paths.insert("/admin/v1/tenants/{tenantId}".into(), json!({
        "get": { "operationId": "getTenant", "tags": tags, "parameters": [tenant_id],
            "responses": { "200": body("The tenant", schema("Tenant")), "404": problem("No such tenant") } },
        "put": { "operationId": "updateTenant", "tags": tags, "summary": "Replace a tenant's status, scope and quotas; suspending refuses its callers from the next request",
            "parameters": [tenant_id], "requestBody": input,
            "responses": { "200": body("The tenant stored", schema("Tenant")), "404": problem("No such tenant") } },
        "delete": { "operationId": "deleteTenant", "tags": tags, "summary": "Remove a tenant and its role bindings",
            "parameters": [tenant_id],
            "responses": { "204": { "description": "Removed" }, "404": problem("No such tenant") } } }));
    paths.insert("/admin/v1/tenants/{tenantId}/bindings".into(), json!({
        "get": { "operationId": "listBindings", "tags": tags, "summary": "The tenant's role bindings, by subject (a tenant's owner: its own tenant only)",
            "parameters": [tenant_id],
            "responses": { "200": body("Bindings", json!({ "type": "array", "items": schema("RoleBinding") })), "404": problem("No such tenant") } },
        "post": { "operationId": "putBinding", "tags": tags, "summary": "Grant a subject tenant roles, replacing its previous binding",
            "parameters": [tenant_id],
            "requestBody": { "required": true, "content": { "application/json": { "schema": schema("RoleBinding") } } },
            "responses": { "201": body("A new binding", schema("RoleBinding")), "200": body("The subject's binding replaced", schema("RoleBinding")),
                "404": problem("No such tenant") } } }));
    paths.insert("/admin/v1/tenants/{tenantId}/bindings/{subject}".into(), json!({
        "delete": { "operationId": "deleteBinding", "tags": tags,
            "parameters": [tenant_id, { "name": "subject", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "204": { "description": "Removed" }, "404": problem("No such tenant or binding") } } }));
    let query = |name: &str, schema: Value, description: &str| json!({ "name": name, "in": "query", "required": false, "schema": schema, "description": description });
    paths.insert("/admin/v1/audit".into(), json!({
        "get": { "operationId": "listAuditRecords", "tags": tags, "summary": "Audit records, newest first (auditors and platform administrators)",
            "parameters": [
                query("tenant", json!({ "type": "string" }), "Records of this tenant's callers."),
                query("subject", json!({ "type": "string" }), "Records of this subject."),
                query("result", json!({ "type": "string", "enum": ["success", "denied", "error"] }), ""),
                query("since", json!({ "type": "string", "format": "date-time" }), "Records at or after this time (RFC 3339)."),
                query("until", json!({ "type": "string", "format": "date-time" }), "Records before this time."),
                query("limit", json!({ "type": "integer", "minimum": 1, "maximum": 1000 }), "At most this many (default 100)."),
            ],
            "responses": { "200": body("Records", json!({ "type": "array", "items": schema("AuditRecord") })) } } }));
}
