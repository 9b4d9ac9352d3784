//! The table of RPC-backed REST routes: each route names the RPC it transcodes, so a contract
//! test can check the table against the protos' `google.api.http` annotations.

use axum::{http::Method, routing::MethodRouter, Router};

use super::AppState;

pub use crate::security::RouteInfo;

#[derive(Default)]
pub struct Table {
    pub router: Router<AppState>,
    pub routes: Vec<RouteInfo>,
}

impl Table {
    pub fn add(
        mut self,
        method: Method,
        path: String,
        rpc: String,
        handler: MethodRouter<AppState>,
    ) -> Table {
        self.router = self.router.route(&path, handler);
        self.routes.push(RouteInfo { method, path, rpc });
        self
    }
}

/// `package.Service/Method`.
pub fn rpc(service: &str, method: &str) -> String {
    format!("{service}/{method}")
}
