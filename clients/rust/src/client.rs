//! Connecting, authenticating, and the retried calls.

use std::{fmt, sync::Arc, time::Duration};

use tonic::{
    metadata::MetadataValue,
    service::{interceptor::InterceptedService, Interceptor},
    transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity},
    Request, Status,
};

use crate::{
    pages::{Page, Pages},
    proto::{
        events::v1::event_service_client::EventServiceClient,
        o2ims::v1::{
            self as o2ims, inventory_service_client::InventoryServiceClient,
            subscription_service_client::SubscriptionServiceClient, ListOptions,
        },
    },
    retry::Retry,
    watch::{Watch, WatchSelector},
};

/// A bearer token: fixed, or read from a callback on every call and every stream reconnect
/// (so a refreshed token is picked up without reconnecting).
#[derive(Clone)]
pub enum Token {
    Fixed(String),
    Callback(Arc<dyn Fn() -> String + Send + Sync>),
}

impl Token {
    pub fn callback(f: impl Fn() -> String + Send + Sync + 'static) -> Token {
        Token::Callback(Arc::new(f))
    }

    fn current(&self) -> String {
        match self {
            Token::Fixed(t) => t.clone(),
            Token::Callback(f) => f(),
        }
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(…)")
    }
}

impl From<&str> for Token {
    fn from(t: &str) -> Token {
        Token::Fixed(t.to_owned())
    }
}

/// Where and how to connect.
#[derive(Clone, Debug, Default)]
pub struct Connect {
    /// `http://host:port` (h2c) or `https://host:port` (TLS).
    pub url: String,
    pub token: Option<Token>,
    /// PEM CA bundle to verify the server with; the system roots when unset.
    pub ca_pem: Option<Vec<u8>>,
    /// PEM client certificate and key, for mTLS.
    pub identity: Option<(Vec<u8>, Vec<u8>)>,
    /// Name to verify the server certificate against, when not the URL's host.
    pub domain_name: Option<String>,
    /// Deadline of each unary call (default 30 s; Watch has none).
    pub timeout: Option<Duration>,
    pub retry: Retry,
}

impl Connect {
    pub fn new(url: impl Into<String>) -> Connect {
        Connect {
            url: url.into(),
            ..Connect::default()
        }
    }

    pub fn token(mut self, token: impl Into<Token>) -> Connect {
        self.token = Some(token.into());
        self
    }

    pub fn ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Connect {
        self.ca_pem = Some(pem.into());
        self
    }

    pub fn identity(
        mut self,
        cert_pem: impl Into<Vec<u8>>,
        key_pem: impl Into<Vec<u8>>,
    ) -> Connect {
        self.identity = Some((cert_pem.into(), key_pem.into()));
        self
    }

    pub fn retry(mut self, retry: Retry) -> Connect {
        self.retry = retry;
        self
    }
}

/// Adds `authorization: Bearer …` to every call.
#[derive(Clone, Debug, Default)]
pub struct Auth(Option<Token>);

impl Interceptor for Auth {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        if let Some(token) = &self.0 {
            let value = MetadataValue::try_from(format!("Bearer {}", token.current()))
                .map_err(|_| Status::unauthenticated("the token is not a valid header value"))?;
            request.metadata_mut().insert("authorization", value);
        }
        Ok(request)
    }
}

type Authed = InterceptedService<Channel, Auth>;

/// A connection to a netweave gateway.
#[derive(Clone, Debug)]
pub struct Client {
    channel: Channel,
    auth: Auth,
    timeout: Duration,
    pub(crate) retry: Retry,
}

/// One unary call through `read` (retried) or `write`: the request expression is evaluated
/// again for every try.
macro_rules! call {
    ($self:ident, $how:ident, $stub:ident . $rpc:ident ($req:expr)) => {
        $self
            .$how(|c| {
                let request = c.request($req);
                async move { c.$stub().$rpc(request).await }
            })
            .await
    };
}

/// A new idempotency key: a random UUID (version 4).
fn new_key() -> String {
    let mut b: [u8; 16] = std::array::from_fn(|_| fastrand::u8(..));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

fn key_value(key: &str) -> Result<MetadataValue<tonic::metadata::Ascii>, Status> {
    MetadataValue::try_from(key)
        .map_err(|_| Status::invalid_argument("the idempotency key is not a valid header value"))
}

/// `request` with the `idempotency-key` metadata.
fn keyed<T>(mut request: Request<T>, key: &MetadataValue<tonic::metadata::Ascii>) -> Request<T> {
    request
        .metadata_mut()
        .insert("idempotency-key", key.clone());
    request
}

fn missing(what: &str) -> Status {
    Status::internal(format!("no {what} in the answer"))
}

macro_rules! list {
    ($(#[$doc:meta])* $name:ident, $rpc:ident, $req:ident, $field:ident, $item:ty) => {
        $(#[$doc])*
        pub fn $name(&self, options: ListOptions) -> Pages<$item> {
            let client = self.clone();
            Pages::new(options, move |options| {
                let client = client.clone();
                async move {
                    let request = o2ims::$req { options: Some(options) };
                    let r = call!(client, read, inventory.$rpc(request.clone()))?;
                    Ok(Page { items: r.$field, next_page_token: r.next_page_token, total_count: None })
                }
            })
        }
    };
}

impl Client {
    /// Connects (the channel reconnects by itself after a dropped connection).
    pub async fn connect(options: Connect) -> Result<Client, tonic::transport::Error> {
        let mut endpoint = Endpoint::from_shared(options.url.clone())?;
        if options.url.starts_with("https://") {
            let mut tls = ClientTlsConfig::new();
            tls = match &options.ca_pem {
                Some(ca) => tls.ca_certificate(Certificate::from_pem(ca)),
                None => tls.with_native_roots(),
            };
            if let Some((cert, key)) = &options.identity {
                tls = tls.identity(Identity::from_pem(cert, key));
            }
            if let Some(name) = &options.domain_name {
                tls = tls.domain_name(name.clone());
            }
            endpoint = endpoint.tls_config(tls)?;
        }
        let channel = endpoint.connect().await?;
        Ok(Client {
            channel,
            auth: Auth(options.token),
            timeout: options.timeout.unwrap_or(Duration::from_secs(30)),
            retry: options.retry,
        })
    }

    /// The generated inventory stub, authenticated.
    pub fn inventory(&self) -> InventoryServiceClient<Authed> {
        InventoryServiceClient::with_interceptor(self.channel.clone(), self.auth.clone())
    }

    /// The generated subscription stub, authenticated.
    pub fn subscriptions(&self) -> SubscriptionServiceClient<Authed> {
        SubscriptionServiceClient::with_interceptor(self.channel.clone(), self.auth.clone())
    }

    /// The generated event stub, authenticated.
    pub fn events(&self) -> EventServiceClient<Authed> {
        EventServiceClient::with_interceptor(self.channel.clone(), self.auth.clone())
    }

    /// A request with this client's deadline.
    pub fn request<T>(&self, message: T) -> Request<T> {
        let mut request = Request::new(message);
        request.set_timeout(self.timeout);
        request
    }

    pub(crate) async fn read<T, F, Fut>(&self, call: F) -> Result<T, Status>
    where
        F: Fn(Client) -> Fut,
        Fut: std::future::Future<Output = Result<tonic::Response<T>, Status>>,
    {
        self.retry
            .run(false, || call(self.clone()))
            .await
            .map(tonic::Response::into_inner)
    }

    async fn write<T, F, Fut>(&self, call: F) -> Result<T, Status>
    where
        F: Fn(Client) -> Fut,
        Fut: std::future::Future<Output = Result<tonic::Response<T>, Status>>,
    {
        self.retry
            .run(true, || call(self.clone()))
            .await
            .map(tonic::Response::into_inner)
    }

    list!(
        /// Every resource pool matching `options`.
        list_resource_pools, list_resource_pools, ListResourcePoolsRequest, resource_pools, o2ims::ResourcePool
    );
    list!(
        /// Every resource type matching `options`.
        list_resource_types, list_resource_types, ListResourceTypesRequest, resource_types, o2ims::ResourceType
    );
    list!(
        /// Every deployment manager matching `options`.
        list_deployment_managers, list_deployment_managers, ListDeploymentManagersRequest, deployment_managers, o2ims::DeploymentManager
    );

    /// Every resource of a pool matching `options`; pages carry the total count.
    pub fn list_resources(&self, pool_id: &str, options: ListOptions) -> Pages<o2ims::Resource> {
        let client = self.clone();
        let pool_id = pool_id.to_owned();
        Pages::new(options, move |options| {
            let client = client.clone();
            let pool_id = pool_id.clone();
            async move {
                let request = o2ims::ListResourcesRequest {
                    resource_pool_id: pool_id,
                    options: Some(options),
                };
                let r = call!(client, read, inventory.list_resources(request.clone()))?;
                Ok(Page {
                    items: r.resources,
                    next_page_token: r.next_page_token,
                    total_count: Some(r.total_count),
                })
            }
        })
    }

    /// Every subscription matching `options`.
    pub fn list_subscriptions(&self, options: ListOptions) -> Pages<o2ims::Subscription> {
        let client = self.clone();
        Pages::new(options, move |options| {
            let client = client.clone();
            async move {
                let request = o2ims::ListSubscriptionsRequest {
                    options: Some(options),
                };
                let r = call!(
                    client,
                    read,
                    subscriptions.list_subscriptions(request.clone())
                )?;
                Ok(Page {
                    items: r.subscriptions,
                    next_page_token: r.next_page_token,
                    total_count: None,
                })
            }
        })
    }

    pub async fn get_cloud_info(&self) -> Result<o2ims::OCloudInfo, Status> {
        call!(
            self,
            read,
            inventory.get_cloud_info(o2ims::GetCloudInfoRequest::default())
        )?
        .cloud_info
        .ok_or_else(|| missing("cloud info"))
    }

    pub async fn get_resource_pool(&self, id: &str) -> Result<o2ims::ResourcePool, Status> {
        let request = o2ims::GetResourcePoolRequest {
            resource_pool_id: id.to_owned(),
        };
        call!(self, read, inventory.get_resource_pool(request.clone()))?
            .resource_pool
            .ok_or_else(|| missing("pool"))
    }

    pub async fn get_resource(&self, pool_id: &str, id: &str) -> Result<o2ims::Resource, Status> {
        let request = o2ims::GetResourceRequest {
            resource_pool_id: pool_id.to_owned(),
            resource_id: id.to_owned(),
        };
        call!(self, read, inventory.get_resource(request.clone()))?
            .resource
            .ok_or_else(|| missing("resource"))
    }

    pub async fn get_subscription(&self, id: &str) -> Result<o2ims::Subscription, Status> {
        let request = o2ims::GetSubscriptionRequest {
            subscription_id: id.to_owned(),
        };
        call!(self, read, subscriptions.get_subscription(request.clone()))?
            .subscription
            .ok_or_else(|| missing("subscription"))
    }

    /// Creates a subscription (not retried unless [`Retry::writes`]; every try carries the
    /// same idempotency key, a new UUID, so a retried creation creates once).
    pub async fn create_subscription(
        &self,
        subscription: o2ims::Subscription,
    ) -> Result<o2ims::Subscription, Status> {
        self.create_subscription_keyed(subscription, &new_key())
            .await
    }

    /// [`create_subscription`](Self::create_subscription) with the caller's idempotency key:
    /// a repeat with the key gets the first answer, from any gateway sharing the store.
    pub async fn create_subscription_keyed(
        &self,
        subscription: o2ims::Subscription,
        key: &str,
    ) -> Result<o2ims::Subscription, Status> {
        let request = o2ims::CreateSubscriptionRequest {
            subscription: Some(subscription),
        };
        let key = key_value(key)?;
        self.write(|c| {
            let request = keyed(c.request(request.clone()), &key);
            async move { c.subscriptions().create_subscription(request).await }
        })
        .await?
        .subscription
        .ok_or_else(|| missing("subscription"))
    }

    pub async fn delete_subscription(&self, id: &str) -> Result<(), Status> {
        let request = o2ims::DeleteSubscriptionRequest {
            subscription_id: id.to_owned(),
        };
        call!(
            self,
            write,
            subscriptions.delete_subscription(request.clone())
        )
        .map(drop)
    }

    /// Creates a resource pool (netweave's write extension; not retried unless asked;
    /// idempotent as [`create_subscription`](Self::create_subscription)).
    pub async fn create_resource_pool(
        &self,
        pool: o2ims::ResourcePool,
    ) -> Result<o2ims::ResourcePool, Status> {
        self.create_resource_pool_keyed(pool, &new_key()).await
    }

    /// [`create_resource_pool`](Self::create_resource_pool) with the caller's idempotency key.
    pub async fn create_resource_pool_keyed(
        &self,
        pool: o2ims::ResourcePool,
        key: &str,
    ) -> Result<o2ims::ResourcePool, Status> {
        let request = o2ims::CreateResourcePoolRequest {
            resource_pool: Some(pool),
        };
        let key = key_value(key)?;
        self.write(|c| {
            let request = keyed(c.request(request.clone()), &key);
            async move { c.inventory().create_resource_pool(request).await }
        })
        .await?
        .resource_pool
        .ok_or_else(|| missing("pool"))
    }

    pub async fn delete_resource_pool(&self, id: &str) -> Result<(), Status> {
        let request = o2ims::DeleteResourcePoolRequest {
            resource_pool_id: id.to_owned(),
        };
        call!(self, write, inventory.delete_resource_pool(request.clone())).map(drop)
    }

    /// Follows the event stream after `cursor` (0: from now). See [`Watch`].
    pub fn watch(&self, selector: WatchSelector, cursor: u64) -> Watch {
        Watch::start(self.clone(), selector, cursor)
    }
}
