// Package netweave is the Go SDK of the netweave O2-IMS gateway over gRPC: the stubs and
// messages generated from proto/ (under gen/) and a thin layer that behaves as every netweave
// SDK does (clients/README.md): connect with a URL, TLS/mTLS and a bearer token (string or
// callback), lists across pages, retried reads, Watch with resume and ResyncRequired, an
// O-RAN filter builder, webhook verification.
package netweave

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/url"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	eventsv1 "github.com/netweave/netweave/clients/go/gen/netweave/events/v1"
	o2imsv1 "github.com/netweave/netweave/clients/go/gen/netweave/o2ims/v1"
)

// Options configure a connection. All are optional.
type Options struct {
	// Token is a fixed bearer token; TokenFunc, when set, is called on every call and every
	// Watch reconnect instead.
	Token     string
	TokenFunc func(ctx context.Context) (string, error)
	// CAPEM verifies the server (the system roots when empty); CertPEM and KeyPEM are the
	// client certificate for mTLS; ServerName overrides the name the certificate must carry.
	CAPEM, CertPEM, KeyPEM []byte
	ServerName             string
	// Timeout is the deadline of each unary call (default 30 s).
	Timeout time.Duration
	// Retry defaults to DefaultRetry.
	Retry *Retry
}

// Client is a connection to a netweave gateway.
type Client struct {
	Conn *grpc.ClientConn
	// The generated clients, for every RPC the helpers do not cover.
	Inventory     o2imsv1.InventoryServiceClient
	Subscriptions o2imsv1.SubscriptionServiceClient
	Events        eventsv1.EventServiceClient
	Retry         Retry
	timeout       time.Duration
}

type bearer struct {
	token  string
	tokenf func(ctx context.Context) (string, error)
	secure bool
}

func (b bearer) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	t := b.token
	if b.tokenf != nil {
		var err error
		if t, err = b.tokenf(ctx); err != nil {
			return nil, err
		}
	}
	return map[string]string{"authorization": "Bearer " + t}, nil
}

func (b bearer) RequireTransportSecurity() bool { return b.secure }

// Dial connects to rawURL: http://host:port (h2c) or https://host:port (TLS). The connection
// is made lazily; Close releases it.
func Dial(rawURL string, o Options) (*Client, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	var opts []grpc.DialOption
	switch u.Scheme {
	case "https":
		cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: o.ServerName}
		if len(o.CAPEM) > 0 {
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(o.CAPEM) {
				return nil, errors.New("netweave: CAPEM holds no certificate")
			}
			cfg.RootCAs = pool
		}
		if len(o.CertPEM) > 0 {
			cert, err := tls.X509KeyPair(o.CertPEM, o.KeyPEM)
			if err != nil {
				return nil, fmt.Errorf("netweave: client certificate: %w", err)
			}
			cfg.Certificates = []tls.Certificate{cert}
		}
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(cfg)))
	case "http":
		opts = append(opts, grpc.WithInsecure())
	default:
		return nil, fmt.Errorf("netweave: the URL must be http:// or https://, not %q", rawURL)
	}
	if o.Token != "" || o.TokenFunc != nil {
		opts = append(opts, grpc.WithPerRPCCredentials(bearer{o.Token, o.TokenFunc, u.Scheme == "https"}))
	}
	conn, err := grpc.Dial(u.Host, opts...)
	if err != nil {
		return nil, err
	}
	c := &Client{
		Conn:          conn,
		Inventory:     o2imsv1.NewInventoryServiceClient(conn),
		Subscriptions: o2imsv1.NewSubscriptionServiceClient(conn),
		Events:        eventsv1.NewEventServiceClient(conn),
		Retry:         DefaultRetry,
		timeout:       30 * time.Second,
	}
	if o.Retry != nil {
		c.Retry = *o.Retry
	}
	if o.Timeout > 0 {
		c.timeout = o.Timeout
	}
	return c, nil
}

// Close closes the connection (and every watch on it).
func (c *Client) Close() error { return c.Conn.Close() }

// call makes one unary call with the client's deadline, retried as Retry says.
func call[T any](ctx context.Context, c *Client, write bool, rpc func(ctx context.Context) (T, error)) (T, error) {
	var out T
	err := c.Retry.run(ctx, write, func() error {
		ctx, cancel := context.WithTimeout(ctx, c.timeout)
		defer cancel()
		var err error
		out, err = rpc(ctx)
		return err
	})
	return out, err
}

func read[T any](ctx context.Context, c *Client, rpc func(ctx context.Context) (T, error)) (T, error) {
	return call(ctx, c, false, rpc)
}

func write[T any](ctx context.Context, c *Client, rpc func(ctx context.Context) (T, error)) (T, error) {
	return call(ctx, c, true, rpc)
}

// ListOptions are the options of a list (the pager keeps the page token).
type ListOptions struct {
	Filter, Fields, ExcludeFields string
	AllFields                     bool
	PageSize                      int32
}

func (o ListOptions) proto(token string) *o2imsv1.ListOptions {
	return &o2imsv1.ListOptions{
		Filter: o.Filter, Fields: o.Fields, ExcludeFields: o.ExcludeFields,
		AllFields: o.AllFields, PageSize: o.PageSize, PageToken: token,
	}
}

func pager[T any](c *Client, fetch func(ctx context.Context, token string) (Page[T], error)) *Pager[T] {
	return &Pager[T]{fetch: func(ctx context.Context, token string) (Page[T], error) {
		return read(ctx, c, func(ctx context.Context) (Page[T], error) { return fetch(ctx, token) })
	}}
}

// ListResourcePools walks every resource pool.
func (c *Client) ListResourcePools(o ListOptions) *Pager[*o2imsv1.ResourcePool] {
	return pager(c, func(ctx context.Context, token string) (Page[*o2imsv1.ResourcePool], error) {
		r, err := c.Inventory.ListResourcePools(ctx, &o2imsv1.ListResourcePoolsRequest{Options: o.proto(token)})
		if err != nil {
			return Page[*o2imsv1.ResourcePool]{}, err
		}
		return Page[*o2imsv1.ResourcePool]{r.ResourcePools, r.NextPageToken, -1}, nil
	})
}

// ListResourceTypes walks every resource type.
func (c *Client) ListResourceTypes(o ListOptions) *Pager[*o2imsv1.ResourceType] {
	return pager(c, func(ctx context.Context, token string) (Page[*o2imsv1.ResourceType], error) {
		r, err := c.Inventory.ListResourceTypes(ctx, &o2imsv1.ListResourceTypesRequest{Options: o.proto(token)})
		if err != nil {
			return Page[*o2imsv1.ResourceType]{}, err
		}
		return Page[*o2imsv1.ResourceType]{r.ResourceTypes, r.NextPageToken, -1}, nil
	})
}

// ListDeploymentManagers walks every deployment manager.
func (c *Client) ListDeploymentManagers(o ListOptions) *Pager[*o2imsv1.DeploymentManager] {
	return pager(c, func(ctx context.Context, token string) (Page[*o2imsv1.DeploymentManager], error) {
		r, err := c.Inventory.ListDeploymentManagers(ctx, &o2imsv1.ListDeploymentManagersRequest{Options: o.proto(token)})
		if err != nil {
			return Page[*o2imsv1.DeploymentManager]{}, err
		}
		return Page[*o2imsv1.DeploymentManager]{r.DeploymentManagers, r.NextPageToken, -1}, nil
	})
}

// ListResources walks every resource of a pool; pages carry the total count.
func (c *Client) ListResources(poolID string, o ListOptions) *Pager[*o2imsv1.Resource] {
	return pager(c, func(ctx context.Context, token string) (Page[*o2imsv1.Resource], error) {
		r, err := c.Inventory.ListResources(ctx, &o2imsv1.ListResourcesRequest{ResourcePoolId: poolID, Options: o.proto(token)})
		if err != nil {
			return Page[*o2imsv1.Resource]{}, err
		}
		return Page[*o2imsv1.Resource]{r.Resources, r.NextPageToken, int64(r.TotalCount)}, nil
	})
}

// ListSubscriptions walks every subscription.
func (c *Client) ListSubscriptions(o ListOptions) *Pager[*o2imsv1.Subscription] {
	return pager(c, func(ctx context.Context, token string) (Page[*o2imsv1.Subscription], error) {
		r, err := c.Subscriptions.ListSubscriptions(ctx, &o2imsv1.ListSubscriptionsRequest{Options: o.proto(token)})
		if err != nil {
			return Page[*o2imsv1.Subscription]{}, err
		}
		return Page[*o2imsv1.Subscription]{r.Subscriptions, r.NextPageToken, -1}, nil
	})
}

// GetCloudInfo reads the O-Cloud's description.
func (c *Client) GetCloudInfo(ctx context.Context) (*o2imsv1.OCloudInfo, error) {
	r, err := read(ctx, c, func(ctx context.Context) (*o2imsv1.GetCloudInfoResponse, error) {
		return c.Inventory.GetCloudInfo(ctx, &o2imsv1.GetCloudInfoRequest{})
	})
	return r.GetCloudInfo(), err
}

// GetResourcePool reads one resource pool.
func (c *Client) GetResourcePool(ctx context.Context, poolID string) (*o2imsv1.ResourcePool, error) {
	r, err := read(ctx, c, func(ctx context.Context) (*o2imsv1.GetResourcePoolResponse, error) {
		return c.Inventory.GetResourcePool(ctx, &o2imsv1.GetResourcePoolRequest{ResourcePoolId: poolID})
	})
	return r.GetResourcePool(), err
}

// GetResource reads one resource of a pool.
func (c *Client) GetResource(ctx context.Context, poolID, resourceID string) (*o2imsv1.Resource, error) {
	r, err := read(ctx, c, func(ctx context.Context) (*o2imsv1.GetResourceResponse, error) {
		return c.Inventory.GetResource(ctx, &o2imsv1.GetResourceRequest{ResourcePoolId: poolID, ResourceId: resourceID})
	})
	return r.GetResource(), err
}

// GetSubscription reads one subscription.
func (c *Client) GetSubscription(ctx context.Context, id string) (*o2imsv1.Subscription, error) {
	r, err := read(ctx, c, func(ctx context.Context) (*o2imsv1.GetSubscriptionResponse, error) {
		return c.Subscriptions.GetSubscription(ctx, &o2imsv1.GetSubscriptionRequest{SubscriptionId: id})
	})
	return r.GetSubscription(), err
}

// CreateSubscription creates a subscription (not retried unless Retry.Writes; every try carries
// the same idempotency key, see WithIdempotencyKey, so a retried creation creates once).
func (c *Client) CreateSubscription(ctx context.Context, s *o2imsv1.Subscription) (*o2imsv1.Subscription, error) {
	r, err := write(keyed(ctx), c, func(ctx context.Context) (*o2imsv1.CreateSubscriptionResponse, error) {
		return c.Subscriptions.CreateSubscription(ctx, &o2imsv1.CreateSubscriptionRequest{Subscription: s})
	})
	return r.GetSubscription(), err
}

// DeleteSubscription deletes a subscription.
func (c *Client) DeleteSubscription(ctx context.Context, id string) error {
	_, err := write(ctx, c, func(ctx context.Context) (*o2imsv1.DeleteSubscriptionResponse, error) {
		return c.Subscriptions.DeleteSubscription(ctx, &o2imsv1.DeleteSubscriptionRequest{SubscriptionId: id})
	})
	return err
}

// CreateResourcePool creates a resource pool (netweave's write extension; not retried unless
// asked; idempotent as CreateSubscription).
func (c *Client) CreateResourcePool(ctx context.Context, p *o2imsv1.ResourcePool) (*o2imsv1.ResourcePool, error) {
	r, err := write(keyed(ctx), c, func(ctx context.Context) (*o2imsv1.CreateResourcePoolResponse, error) {
		return c.Inventory.CreateResourcePool(ctx, &o2imsv1.CreateResourcePoolRequest{ResourcePool: p})
	})
	return r.GetResourcePool(), err
}

// DeleteResourcePool deletes a resource pool.
func (c *Client) DeleteResourcePool(ctx context.Context, poolID string) error {
	_, err := write(ctx, c, func(ctx context.Context) (*o2imsv1.DeleteResourcePoolResponse, error) {
		return c.Inventory.DeleteResourcePool(ctx, &o2imsv1.DeleteResourcePoolRequest{ResourcePoolId: poolID})
	})
	return err
}
