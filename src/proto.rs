//! Code generated from `proto/` by `build.rs`, and the encoded descriptor set for reflection.

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod o2ims {
    pub mod v1 {
        tonic::include_proto!("netweave.o2ims.v1");

        /// The inventory service as the server implements it: the same messages, except
        /// that list responses are encoded from kept item bytes (`grpc::lists`).
        pub mod server {
            include!(concat!(env!("OUT_DIR"), "/server/netweave.o2ims.v1.rs"));
        }
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod events {
    pub mod v1 {
        tonic::include_proto!("netweave.events.v1");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod webhooks {
    pub mod v1 {
        tonic::include_proto!("netweave.webhooks.v1");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod admin {
    pub mod v1 {
        tonic::include_proto!("netweave.admin.v1");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod tmf688 {
    pub mod v4 {
        tonic::include_proto!("netweave.tmf688.v4");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod monitoring {
    pub mod v1 {
        tonic::include_proto!("netweave.monitoring.v1");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod artifacts {
    pub mod v1 {
        tonic::include_proto!("netweave.artifacts.v1");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod vnflcm {
    pub mod v2 {
        tonic::include_proto!("netweave.vnflcm.v2");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod vnfpkgm {
    pub mod v1 {
        tonic::include_proto!("netweave.vnfpkgm.v1");
    }
}

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod provisioning {
    pub mod v1 {
        tonic::include_proto!("netweave.provisioning.v1");
    }
}

/// Every file of `proto/`, encoded, for gRPC server reflection and contract tests.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/netweave_descriptor.bin"));
