//! The VNF lifecycle management part of the served OpenAPI (`/vnflcm/v2`, ETSI GS NFV-SOL 003
//! v3.3.1, the subset Tacker's v2 serves): `VnfInstance`, `VnfLcmOpOcc` and the request
//! bodies, written from SOL003's data model and Tacker's api-ref; the `Version` header on
//! every operation but the API versions; errors are ProblemDetails (SOL013 §6.3).

use serde_json::{json, Map, Value};

use super::openapi::problem;

const ROOT: &str = "/vnflcm/v2";

fn ok(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn body(name: &str) -> Value {
    json!({ "required": true, "content": { "application/json": { "schema": schema(name) } } })
}

fn path_parameter(name: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } })
}

fn version_parameter() -> Value {
    json!({ "name": "Version", "in": "header", "required": true,
        "description": "The API version the caller speaks (SOL013 §4.9): `2.0.0`. Missing: 400; another: 406. Every answer names the version in its own `Version` header.",
        "schema": { "type": "string", "enum": ["2.0.0"] } })
}

fn selectors() -> Vec<Value> {
    let p = |name: &str, d: &str| {
        json!({ "name": name, "in": "query", "required": false,
        "description": d, "schema": { "type": "string" } })
    };
    vec![
        p("filter", "SOL013 §5.2 attribute-based filter."),
        p("all_fields", "Every attribute (SOL013 §5.3)."),
        p("fields", "Complex attributes to add to the default set."),
        p("exclude_fields", "Attributes to leave out."),
        p(
            "exclude_default",
            "The default set (also what no selector gives).",
        ),
        p(
            "nextpage_opaque_marker",
            "The page after this marker (from the `Link` header).",
        ),
        p("all_records", "`yes`: every item, in one page."),
    ]
}

/// An operation with the Version header and the errors every one may answer.
fn operation(
    id: &str,
    summary: &str,
    path_params: &[&str],
    mut responses: Map<String, Value>,
) -> Value {
    let mut parameters: Vec<Value> = path_params.iter().map(|p| path_parameter(p)).collect();
    parameters.push(version_parameter());
    responses
        .entry("406")
        .or_insert_with(|| problem("A Version this API does not serve"));
    responses.entry("400").or_insert_with(|| {
        problem("Bad request: a missing Version header, a malformed parameter or body")
    });
    json!({ "operationId": id, "tags": ["VNF lifecycle"], "summary": summary,
        "parameters": parameters, "responses": responses })
}

fn answers(pairs: &[(&str, Value)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

pub fn add(doc: &mut Value) {
    let link = schema("Link");
    let s = &mut doc["components"]["schemas"];
    s["VnfInstance"] = json!({ "type": "object",
        "description": "A VNF instance (SOL003 §5.5.2.2).",
        "required": ["id", "vnfdId", "vnfProvider", "vnfProductName", "vnfSoftwareVersion", "vnfdVersion", "instantiationState", "_links"],
        "properties": {
            "id": { "type": "string" }, "vnfInstanceName": { "type": "string" },
            "vnfInstanceDescription": { "type": "string" }, "vnfdId": { "type": "string" },
            "vnfProvider": { "type": "string" }, "vnfProductName": { "type": "string" },
            "vnfSoftwareVersion": { "type": "string" }, "vnfdVersion": { "type": "string" },
            "vnfConfigurableProperties": { "type": "object" },
            "vimConnectionInfo": { "type": "object", "additionalProperties": { "type": "object" } },
            "instantiationState": { "type": "string", "enum": ["NOT_INSTANTIATED", "INSTANTIATED"] },
            "instantiatedVnfInfo": { "type": "object", "required": ["flavourId", "vnfState"], "properties": {
                "flavourId": { "type": "string" },
                "vnfState": { "type": "string", "enum": ["STARTED", "STOPPED"] },
                "scaleStatus": { "type": "array", "items": { "type": "object", "required": ["aspectId", "scaleLevel"],
                    "properties": { "aspectId": { "type": "string" }, "scaleLevel": { "type": "integer" } } } },
                "vnfcResourceInfo": { "type": "array", "items": { "type": "object", "required": ["id", "vduId", "computeResource"],
                    "properties": { "id": { "type": "string" }, "vduId": { "type": "string" },
                        "computeResource": { "type": "object", "required": ["resourceId"], "properties": {
                            "resourceId": { "type": "string" }, "vimLevelResourceType": { "type": "string" } } },
                        "metadata": { "type": "object" } } } },
                "vnfcInfo": { "type": "array", "items": { "type": "object", "required": ["id", "vduId", "vnfcState"],
                    "properties": { "id": { "type": "string" }, "vduId": { "type": "string" },
                        "vnfcResourceInfoId": { "type": "string" },
                        "vnfcState": { "type": "string", "enum": ["STARTED", "STOPPED"] } } } },
                "metadata": { "type": "object" } } },
            "metadata": { "type": "object" }, "extensions": { "type": "object" },
            "_links": { "type": "object", "required": ["self"], "additionalProperties": link.clone() },
        } });
    s["VnfLcmOpOcc"] = json!({ "type": "object",
        "description": "A lifecycle operation occurrence (SOL003 §5.5.2.13).",
        "required": ["id", "operationState", "stateEnteredTime", "startTime", "vnfInstanceId", "operation", "isAutomaticInvocation", "isCancelPending", "_links"],
        "properties": {
            "id": { "type": "string" },
            "operationState": { "type": "string", "enum": ["STARTING", "PROCESSING", "COMPLETED", "FAILED_TEMP", "FAILED", "ROLLING_BACK", "ROLLED_BACK"] },
            "stateEnteredTime": { "type": "string", "format": "date-time" },
            "startTime": { "type": "string", "format": "date-time" },
            "vnfInstanceId": { "type": "string" },
            "operation": { "type": "string", "enum": ["INSTANTIATE", "SCALE", "SCALE_TO_LEVEL", "CHANGE_FLAVOUR", "TERMINATE", "HEAL", "OPERATE", "CHANGE_EXT_CONN", "MODIFY_INFO", "CREATE_SNAPSHOT", "REVERT_TO_SNAPSHOT", "CHANGE_VNFPKG"] },
            "isAutomaticInvocation": { "type": "boolean" },
            "operationParams": { "type": "object" },
            "isCancelPending": { "type": "boolean" },
            "error": schema("ProblemDetails"),
            "resourceChanges": { "type": "object" },
            "_links": { "type": "object", "required": ["self", "vnfInstance"], "additionalProperties": link.clone() },
        } });
    let filter = json!({ "type": "object", "additionalProperties": false,
        "description": "LifecycleChangeNotificationsFilter (SOL003 §5.5.3.12): every attribute given must match.",
        "properties": {
            "vnfInstanceSubscriptionFilter": { "type": "object", "additionalProperties": false, "properties": {
                "vnfdIds": { "type": "array", "items": { "type": "string" } },
                "vnfProductsFromProviders": { "type": "array", "items": { "type": "object", "required": ["vnfProvider"], "properties": {
                    "vnfProvider": { "type": "string" },
                    "vnfProducts": { "type": "array", "items": { "type": "object", "required": ["vnfProductName"], "properties": {
                        "vnfProductName": { "type": "string" },
                        "versions": { "type": "array", "items": { "type": "object", "required": ["vnfSoftwareVersion"], "properties": {
                            "vnfSoftwareVersion": { "type": "string" },
                            "vnfdVersions": { "type": "array", "items": { "type": "string" } } } } } } } } } } },
                "vnfInstanceIds": { "type": "array", "items": { "type": "string" } },
                "vnfInstanceNames": { "type": "array", "items": { "type": "string" } } } },
            "notificationTypes": { "type": "array", "items": { "type": "string", "enum": ["VnfLcmOperationOccurrenceNotification", "VnfIdentifierCreationNotification", "VnfIdentifierDeletionNotification"] } },
            "operationTypes": { "type": "array", "items": { "type": "string" } },
            "operationStates": { "type": "array", "items": { "type": "string", "enum": ["STARTING", "PROCESSING", "COMPLETED", "FAILED_TEMP", "FAILED", "ROLLING_BACK", "ROLLED_BACK"] } } } });
    s["LifecycleChangeNotificationsFilter"] = filter;
    s["LccnSubscriptionRequest"] = json!({ "type": "object", "additionalProperties": false,
        "description": "A lifecycle subscription request (SOL003 §5.5.2.15). The callback is tested before anything is stored: a GET with the subscription's authentication and `Version` must answer 204 (else 422).",
        "required": ["callbackUri"],
        "properties": {
            "filter": schema("LifecycleChangeNotificationsFilter"),
            "callbackUri": { "type": "string", "format": "uri" },
            "authentication": { "type": "object", "required": ["authType"], "properties": {
                "authType": { "type": "array", "items": { "type": "string", "enum": ["BASIC", "OAUTH2_CLIENT_CREDENTIALS"] } },
                "paramsBasic": { "type": "object", "required": ["userName", "password"], "properties": {
                    "userName": { "type": "string" }, "password": { "type": "string" } } },
                "paramsOauth2ClientCredentials": { "type": "object", "required": ["clientId", "clientPassword", "tokenEndpoint"], "properties": {
                    "clientId": { "type": "string" }, "clientPassword": { "type": "string" }, "tokenEndpoint": { "type": "string", "format": "uri" } } } } },
            "verbosity": { "type": "string", "enum": ["FULL", "SHORT"] } } });
    s["LccnSubscription"] = json!({ "type": "object",
        "description": "A lifecycle subscription (SOL003 §5.5.2.16); its authentication is never shown.",
        "required": ["id", "callbackUri", "_links"],
        "properties": {
            "id": { "type": "string" },
            "filter": schema("LifecycleChangeNotificationsFilter"),
            "callbackUri": { "type": "string", "format": "uri" },
            "verbosity": { "type": "string", "enum": ["FULL", "SHORT"] },
            "_links": { "type": "object", "required": ["self"], "additionalProperties": link.clone() } } });
    s["VnfLcmOperationOccurrenceNotification"] = json!({ "type": "object",
        "description": "Sent on every state an occurrence enters (SOL003 §5.5.2.17): START for STARTING (and MODIFY_INFO's PROCESSING), RESULT for the others. Posted to the callback with `Version: 2.0.0`, the subscription's authentication and the Standard Webhooks signature headers; `id` is the same on every attempt.",
        "required": ["id", "notificationType", "subscriptionId", "timeStamp", "notificationStatus", "operationState", "vnfInstanceId", "operation", "isAutomaticInvocation", "vnfLcmOpOccId", "_links"],
        "properties": {
            "id": { "type": "string" },
            "notificationType": { "type": "string", "enum": ["VnfLcmOperationOccurrenceNotification"] },
            "subscriptionId": { "type": "string" },
            "timeStamp": { "type": "string", "format": "date-time" },
            "notificationStatus": { "type": "string", "enum": ["START", "RESULT"] },
            "operationState": { "type": "string" },
            "vnfInstanceId": { "type": "string" },
            "operation": { "type": "string" },
            "isAutomaticInvocation": { "type": "boolean" },
            "verbosity": { "type": "string", "enum": ["FULL", "SHORT"] },
            "vnfLcmOpOccId": { "type": "string" },
            "affectedVnfcs": { "type": "array", "items": { "type": "object" } },
            "error": schema("ProblemDetails"),
            "_links": { "type": "object", "required": ["vnfInstance", "subscription"], "additionalProperties": link.clone() } } });
    for (name, what) in [
        (
            "VnfIdentifierCreationNotification",
            "created (SOL003 §5.5.2.18)",
        ),
        (
            "VnfIdentifierDeletionNotification",
            "deleted (SOL003 §5.5.2.19)",
        ),
    ] {
        s[name] = json!({ "type": "object",
            "description": format!("Sent when a VNF instance is {what}."),
            "required": ["id", "notificationType", "subscriptionId", "timeStamp", "vnfInstanceId", "_links"],
            "properties": {
                "id": { "type": "string" },
                "notificationType": { "type": "string", "enum": [name] },
                "subscriptionId": { "type": "string" },
                "timeStamp": { "type": "string", "format": "date-time" },
                "vnfInstanceId": { "type": "string" },
                "_links": { "type": "object", "required": ["vnfInstance", "subscription"], "additionalProperties": link.clone() } } });
    }
    s["CreateVnfRequest"] = json!({ "type": "object", "required": ["vnfdId"], "properties": {
        "vnfdId": { "type": "string" }, "vnfInstanceName": { "type": "string" },
        "vnfInstanceDescription": { "type": "string" }, "metadata": { "type": "object" } } });
    s["InstantiateVnfRequest"] = json!({ "type": "object", "required": ["flavourId"], "properties": {
        "flavourId": { "type": "string" }, "instantiationLevelId": { "type": "string" },
        "vimConnectionInfo": { "type": "object", "additionalProperties": { "type": "object" },
            "description": "Names the deployment manager: `vimId` its id or name, or `interfaceInfo.endpoint` its serviceUri (`vimType` `ETSINFV.HELM.V_3`)." },
        "additionalParams": { "type": "object", "description": "Tacker's Helm parameters: `helm_chart_path` (the chart inside the package), `helm_parameters`, `helm_value_names.<VDU>.replica`, `namespace`." },
        "extensions": { "type": "object" }, "vnfConfigurableProperties": { "type": "object" } } });
    s["ScaleVnfRequest"] = json!({ "type": "object", "required": ["type", "aspectId"], "properties": {
        "type": { "type": "string", "enum": ["SCALE_OUT", "SCALE_IN"] }, "aspectId": { "type": "string" },
        "numberOfSteps": { "type": "integer", "minimum": 1 }, "additionalParams": { "type": "object" } } });
    s["HealVnfRequest"] = json!({ "type": "object", "properties": {
        "vnfcInstanceId": { "type": "array", "items": { "type": "string" } }, "cause": { "type": "string" },
        "additionalParams": { "type": "object" } } });
    s["TerminateVnfRequest"] = json!({ "type": "object", "required": ["terminationType"], "properties": {
        "terminationType": { "type": "string", "enum": ["FORCEFUL", "GRACEFUL"] },
        "gracefulTerminationTimeout": { "type": "integer" }, "additionalParams": { "type": "object" } } });
    s["ChangeCurrentVnfPkgRequest"] = json!({ "type": "object", "required": ["vnfdId"], "properties": {
        "vnfdId": { "type": "string" },
        "additionalParams": { "type": "object", "description": "Tacker's Helm parameters: `upgrade_type` (`RollingUpdate`), `helm_chart_path` (the chart inside the new package), `vdu_params` (`[{vdu_id}]`: the VDUs that roll; none named: every one)." },
        "extensions": { "type": "object" } } });
    s["VnfInfoModificationRequest"] = json!({ "type": "object", "properties": {
        "vnfInstanceName": { "type": "string" }, "vnfInstanceDescription": { "type": "string" },
        "metadata": { "type": "object" }, "extensions": { "type": "object" },
        "vimConnectionInfo": { "type": "object" } } });
    s["LcmApiVersions"] = json!({ "type": "object", "required": ["uriPrefix", "apiVersions"], "properties": {
        "uriPrefix": { "type": "string" }, "apiVersions": { "type": "array", "items": { "type": "object",
            "required": ["version"], "properties": { "version": { "type": "string" }, "isDeprecated": { "type": "boolean" } } } } } });

    let missing = problem("No such VNF instance or occurrence (or not the caller's tenant's)");
    let conflict = problem("The state forbids it: the instance is (not) INSTANTIATED, another operation is in progress, or the occurrence is not FAILED_TEMP");
    let unprocessable = problem("The vnfdId is no onboarded, enabled package's, or the deployment manager has no DMS plugin");
    let accepted = json!({ "description": "Accepted: `Location` names the operation occurrence" });
    let inst = ["vnfInstanceId"];
    let occ = ["vnfLcmOpOccId"];
    let action = |id: &str, summary: &str, request: &str| {
        let mut op = operation(
            id,
            summary,
            &inst,
            answers(&[
                ("202", accepted.clone()),
                ("404", missing.clone()),
                ("409", conflict.clone()),
                ("422", unprocessable.clone()),
            ]),
        );
        op["requestBody"] = body(request);
        json!({ "post": op })
    };
    let versions = |id: &str| {
        json!({ "get": { "operationId": id, "tags": ["VNF lifecycle"],
        "responses": { "200": ok("The versions served", schema("LcmApiVersions")) } } })
    };
    let mut list_instances = operation(
        "listVnfInstances",
        "The caller's VNF instances",
        &[],
        answers(&[(
            "200",
            ok(
                "By id; `Link: <…>; rel=\"next\"` when more follow",
                json!({ "type": "array", "items": schema("VnfInstance") }),
            ),
        )]),
    );
    let mut create = operation(
        "createVnfInstance",
        "A VNF instance of an onboarded, enabled package",
        &[],
        answers(&[
            (
                "201",
                ok(
                    "Created (NOT_INSTANTIATED); `Location` names it",
                    schema("VnfInstance"),
                ),
            ),
            ("422", unprocessable.clone()),
        ]),
    );
    create["requestBody"] = body("CreateVnfRequest");
    let mut modify = operation(
        "modifyVnfInstance",
        "Changes its information (MODIFY_INFO)",
        &inst,
        answers(&[
            ("202", accepted.clone()),
            ("404", missing.clone()),
            ("409", conflict.clone()),
        ]),
    );
    modify["requestBody"] = json!({ "required": true, "content": {
        "application/merge-patch+json": { "schema": schema("VnfInfoModificationRequest") },
        "application/json": { "schema": schema("VnfInfoModificationRequest") } } });
    let mut list_ops = operation(
        "listVnfLcmOpOccs",
        "The caller's operation occurrences",
        &[],
        answers(&[(
            "200",
            ok(
                "By id; `Link` paging",
                json!({ "type": "array", "items": schema("VnfLcmOpOcc") }),
            ),
        )]),
    );
    if let Some(p) = list_instances["parameters"].as_array_mut() {
        p.extend(selectors());
    }
    if let Some(p) = list_ops["parameters"].as_array_mut() {
        p.extend(selectors());
    }
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    paths.insert(
        "/vnflcm/api_versions".into(),
        versions("getVnfLcmAllVersions"),
    );
    paths.insert(
        format!("{ROOT}/api_versions"),
        versions("getVnfLcmMinorVersions"),
    );
    paths.insert(
        format!("{ROOT}/vnf_instances"),
        json!({ "get": list_instances, "post": create }),
    );
    paths.insert(format!("{ROOT}/vnf_instances/{{vnfInstanceId}}"), json!({
        "get": operation("getVnfInstance", "A VNF instance", &inst, answers(&[("200", ok("The instance", schema("VnfInstance"))), ("404", missing.clone())])),
        "patch": modify,
        "delete": operation("deleteVnfInstance", "Deletes a NOT_INSTANTIATED instance", &inst, answers(&[("204", json!({ "description": "Deleted" })), ("404", missing.clone()), ("409", conflict.clone())])),
    }));
    for (verb, id, summary, request) in [
        (
            "instantiate",
            "instantiateVnf",
            "Deploys the instance's release on a deployment manager",
            "InstantiateVnfRequest",
        ),
        (
            "scale",
            "scaleVnf",
            "Scales an aspect out or in",
            "ScaleVnfRequest",
        ),
        (
            "heal",
            "healVnf",
            "Replaces the VNFCs named (every one when none is)",
            "HealVnfRequest",
        ),
        (
            "terminate",
            "terminateVnf",
            "Removes the instance's release",
            "TerminateVnfRequest",
        ),
        (
            "change_vnfpkg",
            "changeVnfpkg",
            "Moves the instance to another package's VNFD and chart (a Helm upgrade)",
            "ChangeCurrentVnfPkgRequest",
        ),
    ] {
        paths.insert(
            format!("{ROOT}/vnf_instances/{{vnfInstanceId}}/{verb}"),
            action(id, summary, request),
        );
    }
    paths.insert(
        format!("{ROOT}/vnf_lcm_op_occs"),
        json!({ "get": list_ops }),
    );
    paths.insert(format!("{ROOT}/vnf_lcm_op_occs/{{vnfLcmOpOccId}}"), json!({
        "get": operation("getVnfLcmOpOcc", "An operation occurrence", &occ, answers(&[("200", ok("The occurrence", schema("VnfLcmOpOcc"))), ("404", missing.clone())])),
    }));
    let mut subscribe = operation(
        "createLccnSubscription",
        "Subscribes a callback to lifecycle change notifications",
        &[],
        answers(&[
            (
                "201",
                ok(
                    "Subscribed; `Location` names it",
                    schema("LccnSubscription"),
                ),
            ),
            ("422", problem("The callback test (GET → 204) failed")),
        ]),
    );
    subscribe["requestBody"] = body("LccnSubscriptionRequest");
    let mut list_subscriptions = operation(
        "listLccnSubscriptions",
        "The caller's lifecycle subscriptions",
        &[],
        answers(&[(
            "200",
            ok(
                "By id; `Link` paging",
                json!({ "type": "array", "items": schema("LccnSubscription") }),
            ),
        )]),
    );
    if let Some(p) = list_subscriptions["parameters"].as_array_mut() {
        p.extend(selectors());
    }
    paths.insert(
        format!("{ROOT}/subscriptions"),
        json!({ "get": list_subscriptions, "post": subscribe }),
    );
    let sub = ["subscriptionId"];
    paths.insert(format!("{ROOT}/subscriptions/{{subscriptionId}}"), json!({
        "get": operation("getLccnSubscription", "A lifecycle subscription", &sub, answers(&[("200", ok("The subscription", schema("LccnSubscription"))), ("404", missing.clone())])),
        "delete": operation("deleteLccnSubscription", "Ends a lifecycle subscription", &sub, answers(&[("204", json!({ "description": "Deleted: nothing more is sent to it" })), ("404", missing.clone())])),
    }));
    for (verb, id, summary, answer) in [
        (
            "retry",
            "retryVnfLcmOpOcc",
            "Runs a FAILED_TEMP operation again",
            accepted.clone(),
        ),
        (
            "rollback",
            "rollbackVnfLcmOpOcc",
            "Undoes a FAILED_TEMP INSTANTIATE, SCALE or CHANGE_VNFPKG",
            accepted.clone(),
        ),
        (
            "fail",
            "failVnfLcmOpOcc",
            "Gives a FAILED_TEMP operation up (FAILED)",
            ok("The occurrence, FAILED", schema("VnfLcmOpOcc")),
        ),
    ] {
        let status = if verb == "fail" { "200" } else { "202" };
        paths.insert(format!("{ROOT}/vnf_lcm_op_occs/{{vnfLcmOpOccId}}/{verb}"), json!({
            "post": operation(id, summary, &occ, answers(&[(status, answer), ("404", missing.clone()), ("409", conflict.clone())])),
        }));
    }
}
