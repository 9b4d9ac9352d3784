//! gRPC adapter of VNF lifecycle management (`netweave.vnflcm.v2.VnfLcmService`): the
//! instances and occurrences as the REST surface shapes them, complex attributes as JSON.

use serde_json::{json, Map, Value};
use tonic::{Request, Response, Status};

use super::{from_struct, scope, to_struct};
use crate::{
    dms::lcm::{OpOcc, VnfInstance, API_VERSION},
    proto::vnflcm::v2::{self as pb, vnf_lcm_service_server::VnfLcmService as Rpc},
    service::dms::{
        lcm::{CreateRequest, LcmService},
        subscriptions::{LcmSubscriptions, SubscriptionRequest},
    },
};

pub struct VnfLcmGrpc {
    pub lcm: LcmService,
    pub subscriptions: LcmSubscriptions,
}

type R<T> = Result<Response<T>, Status>;

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn object(v: &Value, key: &str) -> Option<prost_types::Struct> {
    v.get(key).and_then(Value::as_object).map(to_struct)
}

fn instance(i: &VnfInstance) -> pb::VnfInstance {
    let v = i.shape();
    pb::VnfInstance {
        id: i.id.clone(),
        vnf_instance_name: text(&v, "vnfInstanceName"),
        vnf_instance_description: text(&v, "vnfInstanceDescription"),
        vnfd_id: i.vnfd_id.clone(),
        vnf_provider: i.vnf_provider.clone(),
        vnf_product_name: i.vnf_product_name.clone(),
        vnf_software_version: i.vnf_software_version.clone(),
        vnfd_version: i.vnfd_version.clone(),
        instantiation_state: i.state.name().into(),
        vim_connection_info: object(&v, "vimConnectionInfo"),
        instantiated_vnf_info: object(&v, "instantiatedVnfInfo"),
        metadata: object(&v, "metadata"),
        extensions: object(&v, "extensions"),
    }
}

fn op(o: &OpOcc) -> pb::VnfLcmOpOcc {
    let v = o.shape();
    pb::VnfLcmOpOcc {
        id: o.id.clone(),
        operation_state: o.state.name().into(),
        state_entered_time: o.state_entered_time.clone(),
        start_time: o.start_time.clone(),
        vnf_instance_id: o.vnf_instance_id.clone(),
        operation: o.operation.name().into(),
        is_automatic_invocation: false,
        operation_params: object(&v, "operationParams"),
        is_cancel_pending: false,
        error: object(&v, "error"),
        resource_changes: object(&v, "resourceChanges"),
    }
}

/// A request's fields as the REST body has them (empty ones left out).
fn body(pairs: Vec<(&str, Value)>) -> Value {
    let mut out = Map::new();
    for (k, v) in pairs {
        let empty = match &v {
            Value::String(s) => s.is_empty(),
            Value::Object(m) => m.is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Null => true,
            Value::Number(n) => n.as_i64() == Some(0),
            Value::Bool(_) => false,
        };
        if !empty {
            out.insert(k.to_owned(), v);
        }
    }
    Value::Object(out)
}

fn obj(s: Option<prost_types::Struct>) -> Value {
    Value::Object(from_struct(s))
}

fn versions(prefix: &str) -> (String, Vec<pb::ApiVersion>) {
    (
        prefix.to_owned(),
        vec![pb::ApiVersion {
            version: API_VERSION.into(),
            is_deprecated: false,
        }],
    )
}

#[tonic::async_trait]
impl Rpc for VnfLcmGrpc {
    async fn get_all_versions(
        &self,
        _: Request<pb::GetAllVersionsRequest>,
    ) -> R<pb::GetAllVersionsResponse> {
        let (uri_prefix, api_versions) = versions("/vnflcm");
        Ok(Response::new(pb::GetAllVersionsResponse {
            uri_prefix,
            api_versions,
        }))
    }

    async fn get_minor_versions(
        &self,
        _: Request<pb::GetMinorVersionsRequest>,
    ) -> R<pb::GetMinorVersionsResponse> {
        let (uri_prefix, api_versions) = versions(crate::dms::lcm::ROOT);
        Ok(Response::new(pb::GetMinorVersionsResponse {
            uri_prefix,
            api_versions,
        }))
    }

    async fn list_vnf_instances(
        &self,
        r: Request<pb::ListVnfInstancesRequest>,
    ) -> R<pb::ListVnfInstancesResponse> {
        let all = self.lcm.list(scope(&r).as_deref()).await?;
        Ok(Response::new(pb::ListVnfInstancesResponse {
            vnf_instances: all.iter().map(instance).collect(),
        }))
    }

    async fn create_vnf_instance(
        &self,
        r: Request<pb::CreateVnfInstanceRequest>,
    ) -> R<pb::CreateVnfInstanceResponse> {
        let tenant = scope(&r);
        let q = r.into_inner();
        let some = |s: String| (!s.is_empty()).then_some(s);
        let made = self
            .lcm
            .create(
                tenant.as_deref(),
                CreateRequest {
                    vnfd_id: q.vnfd_id,
                    vnf_instance_name: some(q.vnf_instance_name),
                    vnf_instance_description: some(q.vnf_instance_description),
                    metadata: from_struct(q.metadata),
                },
            )
            .await?;
        Ok(Response::new(pb::CreateVnfInstanceResponse {
            vnf_instance: Some(instance(&made)),
        }))
    }

    async fn get_vnf_instance(
        &self,
        r: Request<pb::GetVnfInstanceRequest>,
    ) -> R<pb::GetVnfInstanceResponse> {
        let tenant = scope(&r);
        let found = self
            .lcm
            .get(tenant.as_deref(), &r.into_inner().vnf_instance_id)
            .await?;
        Ok(Response::new(pb::GetVnfInstanceResponse {
            vnf_instance: Some(instance(&found)),
        }))
    }

    async fn modify_vnf_instance(
        &self,
        r: Request<pb::ModifyVnfInstanceRequest>,
    ) -> R<pb::ModifyVnfInstanceResponse> {
        let tenant = scope(&r);
        let q = r.into_inner();
        let done = self
            .lcm
            .modify(
                tenant.as_deref(),
                &q.vnf_instance_id,
                from_struct(q.modifications),
            )
            .await?;
        Ok(Response::new(pb::ModifyVnfInstanceResponse {
            vnf_lcm_op_occ_id: done.id,
        }))
    }

    async fn delete_vnf_instance(
        &self,
        r: Request<pb::DeleteVnfInstanceRequest>,
    ) -> R<pb::DeleteVnfInstanceResponse> {
        let tenant = scope(&r);
        self.lcm
            .delete(tenant.as_deref(), &r.into_inner().vnf_instance_id)
            .await?;
        Ok(Response::new(pb::DeleteVnfInstanceResponse {}))
    }

    async fn instantiate_vnf(
        &self,
        r: Request<pb::InstantiateVnfRequest>,
    ) -> R<pb::InstantiateVnfResponse> {
        let tenant = scope(&r);
        let q = r.into_inner();
        let request = body(vec![
            ("flavourId", json!(q.flavour_id)),
            ("instantiationLevelId", json!(q.instantiation_level_id)),
            ("vimConnectionInfo", obj(q.vim_connection_info)),
            ("additionalParams", obj(q.additional_params)),
            ("extensions", obj(q.extensions)),
            (
                "vnfConfigurableProperties",
                obj(q.vnf_configurable_properties),
            ),
        ]);
        let op = self
            .lcm
            .instantiate(tenant.as_deref(), &q.vnf_instance_id, request)
            .await?;
        Ok(Response::new(pb::InstantiateVnfResponse {
            vnf_lcm_op_occ_id: op.id,
        }))
    }

    async fn scale_vnf(&self, r: Request<pb::ScaleVnfRequest>) -> R<pb::ScaleVnfResponse> {
        let tenant = scope(&r);
        let q = r.into_inner();
        let request = body(vec![
            ("type", json!(q.r#type)),
            ("aspectId", json!(q.aspect_id)),
            ("numberOfSteps", json!(q.number_of_steps)),
            ("additionalParams", obj(q.additional_params)),
        ]);
        let op = self
            .lcm
            .scale(tenant.as_deref(), &q.vnf_instance_id, request)
            .await?;
        Ok(Response::new(pb::ScaleVnfResponse {
            vnf_lcm_op_occ_id: op.id,
        }))
    }

    async fn heal_vnf(&self, r: Request<pb::HealVnfRequest>) -> R<pb::HealVnfResponse> {
        let tenant = scope(&r);
        let q = r.into_inner();
        let request = body(vec![
            ("vnfcInstanceId", json!(q.vnfc_instance_id)),
            ("cause", json!(q.cause)),
            ("additionalParams", obj(q.additional_params)),
        ]);
        let op = self
            .lcm
            .heal(tenant.as_deref(), &q.vnf_instance_id, request)
            .await?;
        Ok(Response::new(pb::HealVnfResponse {
            vnf_lcm_op_occ_id: op.id,
        }))
    }

    async fn terminate_vnf(
        &self,
        r: Request<pb::TerminateVnfRequest>,
    ) -> R<pb::TerminateVnfResponse> {
        let tenant = scope(&r);
        let q = r.into_inner();
        let request = body(vec![
            ("terminationType", json!(q.termination_type)),
            (
                "gracefulTerminationTimeout",
                json!(q.graceful_termination_timeout),
            ),
            ("additionalParams", obj(q.additional_params)),
        ]);
        let op = self
            .lcm
            .terminate(tenant.as_deref(), &q.vnf_instance_id, request)
            .await?;
        Ok(Response::new(pb::TerminateVnfResponse {
            vnf_lcm_op_occ_id: op.id,
        }))
    }

    async fn change_vnfpkg(
        &self,
        r: Request<pb::ChangeVnfpkgRequest>,
    ) -> R<pb::ChangeVnfpkgResponse> {
        let tenant = scope(&r);
        let q = r.into_inner();
        let request = body(vec![
            ("vnfdId", json!(q.vnfd_id)),
            ("additionalParams", obj(q.additional_params)),
            ("extensions", obj(q.extensions)),
        ]);
        let op = self
            .lcm
            .change_vnfpkg(tenant.as_deref(), &q.vnf_instance_id, request)
            .await?;
        Ok(Response::new(pb::ChangeVnfpkgResponse {
            vnf_lcm_op_occ_id: op.id,
        }))
    }

    async fn list_vnf_lcm_op_occs(
        &self,
        r: Request<pb::ListVnfLcmOpOccsRequest>,
    ) -> R<pb::ListVnfLcmOpOccsResponse> {
        let all = self.lcm.list_ops(scope(&r).as_deref()).await?;
        Ok(Response::new(pb::ListVnfLcmOpOccsResponse {
            vnf_lcm_op_occs: all.iter().map(op).collect(),
        }))
    }

    async fn get_vnf_lcm_op_occ(
        &self,
        r: Request<pb::GetVnfLcmOpOccRequest>,
    ) -> R<pb::GetVnfLcmOpOccResponse> {
        let tenant = scope(&r);
        let found = self
            .lcm
            .get_op(tenant.as_deref(), &r.into_inner().vnf_lcm_op_occ_id)
            .await?;
        Ok(Response::new(pb::GetVnfLcmOpOccResponse {
            vnf_lcm_op_occ: Some(op(&found)),
        }))
    }

    async fn retry_vnf_lcm_op_occ(
        &self,
        r: Request<pb::RetryVnfLcmOpOccRequest>,
    ) -> R<pb::RetryVnfLcmOpOccResponse> {
        let tenant = scope(&r);
        self.lcm
            .retry(tenant.as_deref(), &r.into_inner().vnf_lcm_op_occ_id)
            .await?;
        Ok(Response::new(pb::RetryVnfLcmOpOccResponse {}))
    }

    async fn rollback_vnf_lcm_op_occ(
        &self,
        r: Request<pb::RollbackVnfLcmOpOccRequest>,
    ) -> R<pb::RollbackVnfLcmOpOccResponse> {
        let tenant = scope(&r);
        self.lcm
            .rollback(tenant.as_deref(), &r.into_inner().vnf_lcm_op_occ_id)
            .await?;
        Ok(Response::new(pb::RollbackVnfLcmOpOccResponse {}))
    }

    async fn fail_vnf_lcm_op_occ(
        &self,
        r: Request<pb::FailVnfLcmOpOccRequest>,
    ) -> R<pb::FailVnfLcmOpOccResponse> {
        let tenant = scope(&r);
        let done = self
            .lcm
            .fail(tenant.as_deref(), &r.into_inner().vnf_lcm_op_occ_id)
            .await?;
        Ok(Response::new(pb::FailVnfLcmOpOccResponse {
            vnf_lcm_op_occ: Some(op(&done)),
        }))
    }

    async fn create_lccn_subscription(
        &self,
        r: Request<pb::CreateLccnSubscriptionRequest>,
    ) -> R<pb::CreateLccnSubscriptionResponse> {
        let tenant = scope(&r);
        let r = r.into_inner();
        let request = SubscriptionRequest {
            callback_uri: r.callback_uri,
            filter: r.filter.map(|f| Value::Object(from_struct(Some(f)))),
            authentication: r
                .authentication
                .map(|a| Value::Object(from_struct(Some(a)))),
            verbosity: Some(r.verbosity).filter(|v| !v.is_empty()),
        };
        let made = self
            .subscriptions
            .create(tenant.as_deref(), request)
            .await?;
        Ok(Response::new(pb::CreateLccnSubscriptionResponse {
            subscription: Some(subscription(&made)),
        }))
    }

    async fn list_lccn_subscriptions(
        &self,
        r: Request<pb::ListLccnSubscriptionsRequest>,
    ) -> R<pb::ListLccnSubscriptionsResponse> {
        let all = self.subscriptions.list(scope(&r).as_deref()).await?;
        Ok(Response::new(pb::ListLccnSubscriptionsResponse {
            subscriptions: all.iter().map(subscription).collect(),
        }))
    }

    async fn get_lccn_subscription(
        &self,
        r: Request<pb::GetLccnSubscriptionRequest>,
    ) -> R<pb::GetLccnSubscriptionResponse> {
        let tenant = scope(&r);
        let found = self
            .subscriptions
            .get(tenant.as_deref(), &r.into_inner().subscription_id)
            .await?;
        Ok(Response::new(pb::GetLccnSubscriptionResponse {
            subscription: Some(subscription(&found)),
        }))
    }

    async fn delete_lccn_subscription(
        &self,
        r: Request<pb::DeleteLccnSubscriptionRequest>,
    ) -> R<pb::DeleteLccnSubscriptionResponse> {
        let tenant = scope(&r);
        self.subscriptions
            .delete(tenant.as_deref(), &r.into_inner().subscription_id)
            .await?;
        Ok(Response::new(pb::DeleteLccnSubscriptionResponse {}))
    }
}

/// An `LccnSubscription` as REST shapes it, in its message.
fn subscription(v: &Value) -> pb::LccnSubscription {
    pb::LccnSubscription {
        id: text(v, "id"),
        filter: object(v, "filter"),
        callback_uri: text(v, "callbackUri"),
        verbosity: text(v, "verbosity"),
    }
}
